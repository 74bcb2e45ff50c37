import type { MedusaResponse } from "@medusajs/framework/http"

type ReversalResult = { outcome: string; message?: string; refund: unknown }

/**
 * The answer to a merchant who asked for a reversal: 202 while Safaricom
 * works on it (saying so when Safaricom did not answer, so the merchant does
 * not ask again), 502 with Safaricom's reason when it refused.
 */
export function replyToReversal(res: MedusaResponse, result: ReversalResult) {
  if (result.outcome === "refused") {
    res.status(502).json({ type: "payment_provider_error", message: `Safaricom did not accept the reversal: ${result.message}`, refund: result.refund })
    return
  }
  res.status(202).json({
    refund: result.refund,
    ...(result.outcome === "unknown"
      ? { message: "Safaricom did not answer. The reversal is on hold until Soko confirms its status with Safaricom." }
      : {}),
  })
}
