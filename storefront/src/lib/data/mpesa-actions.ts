"use server"

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
  const orderId = String(formData.get("order_id") ?? "")
  const rawPhone = String(formData.get("phone") ?? "").trim()
  if (!orderId) {
    return { error: "We couldn't find this order. Open it again from your confirmation email." }
  }
  let phone: string | undefined
  if (rawPhone) {
    phone = normalizeKenyanPhone(rawPhone) ?? undefined
    if (!phone) {
      return { error: "Enter a Safaricom number like 0712 345 678, or leave it empty to use the same number." }
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
        error: shopperMessage(error, "Too many prompts for now. Wait a few minutes, then try again."),
        ...(wait ? { retryAt: Date.now() + wait * 1000 } : {}),
      }
    }
    if (statusOf(error) === 404) {
      return { error: "We couldn't confirm this order is yours. Open it from the page you reached after checkout, or sign in to your account." }
    }
    return { error: shopperMessage(error, "We couldn't send a new prompt. Please try again.") }
  }
}
