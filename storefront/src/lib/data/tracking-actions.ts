"use server"

import { getTranslations } from "next-intl/server"
import { isOrderTracking, type OrderTracking } from "../tracking"
import { shopperMessage, statusOf } from "../util/errors"
import { storeFetch } from "./fetch"

export type TrackState = { error?: string; tracking?: OrderTracking; fields?: Record<string, string> }

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/

/** Looks an order up by its number and the email it was placed with (guests included). */
export async function trackOrder(_prev: TrackState, formData: FormData): Promise<TrackState> {
  const [t, errors] = await Promise.all([getTranslations("trackActions"), getTranslations("errors")])
  const number = String(formData.get("order") ?? "").trim().replace(/^#/, "")
  const email = String(formData.get("email") ?? "").trim()
  const fields: Record<string, string> = {}
  if (!/^\d{1,15}$/.test(number)) {
    fields.order = t("orderNumber")
  }
  if (!EMAIL.test(email)) {
    fields.email = t("email")
  }
  if (Object.keys(fields).length) {
    return { error: t("checkFields"), fields }
  }
  try {
    const answer = await storeFetch<{ order_tracking?: unknown }>("/store/order-tracking", {
      method: "POST",
      body: { display_id: Number(number), email },
    })
    if (!isOrderTracking(answer.order_tracking)) {
      return { error: t("unreadable") }
    }
    return { tracking: answer.order_tracking }
  } catch (error) {
    const status = statusOf(error)
    if (status === 404) {
      const message = (error as Error).message
      return {
        error: /order number and email/i.test(message)
          ? t("noMatch")
          : t("unavailable"),
      }
    }
    if (status === 429) {
      return { error: (error as Error).message || errors("tooMany") }
    }
    return { error: shopperMessage(error, t("failed"), errors) }
  }
}
