import "server-only"
import { orderTokenOf } from "../mpesa"
import { type C2bInstructions, isC2bInstructions } from "../pay-another-way"
import { statusOf } from "../util/errors"
import { authHeaders } from "./cookies"
import { storeFetch } from "./fetch"
import type { MpesaRef } from "./mpesa"

/** Only the order id and a well-formed token go to the backend. */
function refQuery(ref: MpesaRef): Record<string, string> {
  const token = orderTokenOf(ref.token)
  return { ...(ref.order_id ? { order_id: ref.order_id } : {}), ...(ref.order_id && token ? { token } : {}) }
}

const UNAVAILABLE: C2bInstructions = { available: false, reason: "Paying by paybill or till is not available for this order" }

/**
 * The order's paybill/till instructions and their status, for its holder.
 * A backend without the endpoint, or a visitor who cannot prove the order
 * (both 404), sees no panel rather than an error.
 */
export async function c2bInstructions(ref: MpesaRef): Promise<C2bInstructions> {
  try {
    const answer = await storeFetch<unknown>("/store/mpesa/c2b", { query: refQuery(ref), headers: await authHeaders() })
    return isC2bInstructions(answer) ? answer : UNAVAILABLE
  } catch (error) {
    if (statusOf(error) === 404) {
      return UNAVAILABLE
    }
    throw error
  }
}

const DATA_URL = /^data:image\/png;base64,([A-Za-z0-9+/]+={0,2})$/

/** The order's payment QR code as PNG bytes, or null when the backend has none to give (4xx/5xx). */
export async function c2bQrPng(ref: MpesaRef): Promise<Buffer | null> {
  try {
    const answer = await storeFetch<{ image?: unknown }>("/store/mpesa/c2b/qr", { query: refQuery(ref), headers: await authHeaders() })
    const match = typeof answer.image === "string" ? DATA_URL.exec(answer.image) : null
    return match ? Buffer.from(match[1], "base64") : null
  } catch (error) {
    if (statusOf(error) !== undefined) {
      return null
    }
    throw error
  }
}
