import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { refundMpesaReviewPaymentWorkflow } from "../../../../../../workflows/refund-mpesa-review-payment"
import { answerMpesaConflict } from "../../../conflict"
import { replyToReversal } from "../../../reversal-reply"

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
  replyToReversal(res, result)
}
