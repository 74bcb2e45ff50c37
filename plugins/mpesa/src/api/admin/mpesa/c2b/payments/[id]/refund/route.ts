import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { refundMpesaC2bPaymentWorkflow } from "../../../../../../../workflows/refund-mpesa-c2b-payment"
import { answerMpesaConflict } from "../../../../conflict"
import { replyToReversal } from "../../../../reversal-reply"

/**
 * POST /admin/mpesa/c2b/payments/:id/refund: sends an unmatched (or
 * in-review) paybill/till payment back by reversal of its TransID. 202 while
 * Safaricom works on it, 502 with Safaricom's reason when refused; 404 for
 * an unknown payment, 409 with the reason when it cannot be sent back.
 */
export async function POST(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  let result
  try {
    ;({ result } = await refundMpesaC2bPaymentWorkflow(req.scope).run({ input: { id: req.params.id, requested_by: req.auth_context?.actor_id } }))
  } catch (error) {
    if (answerMpesaConflict(error, res)) {
      return
    }
    throw error
  }
  replyToReversal(res, result)
}
