"use server"

import { getTranslations } from "next-intl/server"
import type { MpesaStatus } from "../mpesa"
import { shopperMessage, statusOf } from "../util/errors"
import { normalizeKenyanPhone } from "../util/phone"
import { MpesaRequestError, orderTokenFor, retryMpesa } from "./mpesa"

export type RetryState = {
  error?: string
  status?: MpesaStatus
  at?: number
  /** When the backend said (Retry-After) a new prompt may be asked for; the button waits until then. */
  retryAt?: number
}

/** Sends a new M-Pesa prompt for an order (optionally to another number, if the backend allows it). */
export async function retryMpesaPayment(_prev: RetryState, formData: FormData): Promise<RetryState> {
  const [t, errors] = await Promise.all([getTranslations("mpesaActions"), getTranslations("errors")])
  const orderId = String(formData.get("order_id") ?? "")
  const rawPhone = String(formData.get("phone") ?? "").trim()
  if (!orderId) {
    return { error: t("noOrder") }
  }
  let phone: string | undefined
  if (rawPhone) {
    phone = normalizeKenyanPhone(rawPhone) ?? undefined
    if (!phone) {
      return { error: t("phone") }
    }
  }
  try {
    const token = await orderTokenFor(orderId, formData.get("token"))
    const status = await retryMpesa({ order_id: orderId, token, ...(phone ? { phone } : {}) })
    return { status, at: Date.now() }
  } catch (error) {
    if (statusOf(error) === 429) {
      const wait = error instanceof MpesaRequestError ? error.retryAfter : undefined
      return {
        error: shopperMessage(error, t("tooMany"), errors),
        ...(wait ? { retryAt: Date.now() + wait * 1000 } : {}),
      }
    }
    if (statusOf(error) === 404) {
      return { error: t("notYours") }
    }
    return { error: shopperMessage(error, t("failed"), errors) }
  }
}
