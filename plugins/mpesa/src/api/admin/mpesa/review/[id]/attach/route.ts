import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { attachMpesaReviewPaymentWorkflow } from "../../../../../../workflows/attach-mpesa-review-payment"
import type { AdminMpesaReviewAttachBodyType } from "../../../validators"
import { answerMpesaConflict } from "../../../conflict"

/**
 * POST /admin/mpesa/review/:id/attach { order_id }: the payment in review pays
 * the order awaiting it (captured in Medusa). 404 for an unknown payment or
 * order; 409 with the reason when it cannot (already paid, amounts differ…).
 */
export async function POST(req: AuthenticatedMedusaRequest<AdminMpesaReviewAttachBodyType>, res: MedusaResponse) {
  try {
    const { result } = await attachMpesaReviewPaymentWorkflow(req.scope).run({
      input: { request_id: req.params.id, order_id: req.validatedBody.order_id },
    })
    res.json({ transaction: { id: result.id, status: result.status, order_id: result.order_id } })
  } catch (error) {
    if (!answerMpesaConflict(error, res)) {
      throw error
    }
  }
}
