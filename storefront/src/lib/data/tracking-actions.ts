"use server"

import { isOrderTracking, type OrderTracking } from "../tracking"
import { shopperMessage, statusOf } from "../util/errors"
import { storeFetch } from "./fetch"

export type TrackState = { error?: string; tracking?: OrderTracking; fields?: Record<string, string> }

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/

/** Looks an order up by its number and the email it was placed with (guests included). */
export async function trackOrder(_prev: TrackState, formData: FormData): Promise<TrackState> {
  const number = String(formData.get("order") ?? "").trim().replace(/^#/, "")
  const email = String(formData.get("email") ?? "").trim()
  const fields: Record<string, string> = {}
  if (!/^\d{1,15}$/.test(number)) {
    fields.order = "Enter the order number from your confirmation, like 1024."
  }
  if (!EMAIL.test(email)) {
    fields.email = "Enter the email you used for the order."
  }
  if (Object.keys(fields).length) {
    return { error: "Check the highlighted fields.", fields }
  }
  try {
    const answer = await storeFetch<{ order_tracking?: unknown }>("/store/order-tracking", {
      method: "POST",
      body: { display_id: Number(number), email },
    })
    if (!isOrderTracking(answer.order_tracking)) {
      return { error: "We couldn't read this order's tracking. Please try again later." }
    }
    return { tracking: answer.order_tracking }
  } catch (error) {
    const status = statusOf(error)
    if (status === 404) {
      const message = (error as Error).message
      return {
        error: /order number and email/i.test(message)
          ? "No order matches this order number and email. Check both and try again."
          : "Order tracking isn't available right now. Please try again later.",
      }
    }
    if (status === 429) {
      return { error: (error as Error).message || "Too many attempts. Wait a minute and try again." }
    }
    return { error: shopperMessage(error, "We couldn't look up this order. Please try again.") }
  }
}
