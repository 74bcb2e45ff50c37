import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { refundMpesaReviewPaymentWorkflow } from "../../../../../../workflows/refund-mpesa-review-payment"
import { answerMpesaConflict } from "../../../conflict"

/**
 * POST /admin/mpesa/review/:id/refund: sends the payment in review back to
 * the phone that paid it (a reversal of its receipt). 202 while Safaricom
 * works on it, 502 with Safaricom's reason when refused; 404 / 409 as attach.
 */
export async function POST(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  let result
  try {
    ;({ result } = await refundMpesaReviewPaymentWorkflow(req.scope).run({
      input: { request_id: req.params.id, requested_by: req.auth_context?.actor_id },
    }))
  } catch (error) {
    if (answerMpesaConflict(error, res)) {
      return
    }
    throw error
  }
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
