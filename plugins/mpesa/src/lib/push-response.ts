import type { MedusaResponse } from "@medusajs/framework/http"

/** The 429 a throttled shopper gets: Retry-After for clients, the same wait in the message for people. */
export function sendPushLimited(res: MedusaResponse, limited: { message: string; retryAfter: number }) {
  res.setHeader("Retry-After", String(limited.retryAfter))
  res.status(429).json({ type: "too_many_requests", message: limited.message, retry_after: limited.retryAfter })
}

export const PHONE_BUSY_MESSAGE = "A payment prompt is being sent to this phone right now. Try again in a few seconds."
