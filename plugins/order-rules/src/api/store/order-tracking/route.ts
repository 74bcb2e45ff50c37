import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { trackOrderWorkflow } from "../../../workflows/track-order"
import type { PostStoreOrderTrackingType } from "./validators"

/** One answer for a missing order and a wrong email, so the pair cannot be guessed piecewise. */
const NOT_FOUND_MESSAGE = "No order matches this order number and email address."

/**
 * Guest order tracking: works without a customer login (only the publishable
 * key every store route needs). POST so the email never lands in access logs.
 */
export async function POST(req: MedusaRequest<PostStoreOrderTrackingType>, res: MedusaResponse) {
  const { result } = await trackOrderWorkflow(req.scope).run({
    input: {
      display_id: req.validatedBody.display_id,
      email: req.validatedBody.email,
      client_key: req.ip ?? req.socket.remoteAddress ?? "unknown",
    },
  })
  if (result.outcome === "rate_limited") {
    res.setHeader("Retry-After", String(result.retry_after_seconds))
    res.status(429).json({
      type: "too_many_requests",
      message: `Too many tracking attempts. Try again in ${result.retry_after_seconds} seconds.`,
    })
    return
  }
  if (result.outcome === "not_found") {
    res.status(404).json({ type: "not_found", message: NOT_FOUND_MESSAGE })
    return
  }
  res.json({ order_tracking: result.tracking })
}
