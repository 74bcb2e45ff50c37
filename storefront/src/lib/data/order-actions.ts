"use server"

import { randomUUID } from "node:crypto"
import { getTranslations } from "next-intl/server"
import { shopperMessage } from "../util/errors"
import { refreshed } from "./action-result"
import type { ActionState } from "./action-state"
import { authHeaders } from "./cookies"
import { storeFetch } from "./fetch"

/** A customer cancels their own order (allowed by the default rules before it is paid). */
export async function cancelOrder(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const [t, errors] = await Promise.all([getTranslations("orderActions"), getTranslations("errors")])
  const orderId = String(formData.get("order_id") ?? "")
  if (!orderId) {
    return { error: t("noOrder") }
  }
  try {
    await storeFetch(`/store/customers/me/orders/${encodeURIComponent(orderId)}/lifecycle`, {
      method: "POST",
      body: { status: "cancelled", reason: "Cancelled by the customer in their account", idempotency_key: String(formData.get("key") ?? randomUUID()) },
      headers: await authHeaders(),
    })
  } catch (error) {
    return { error: shopperMessage(error, t("cannotCancel"), errors) }
  }
  return refreshed({ ok: true, message: t("cancelled") })
}
