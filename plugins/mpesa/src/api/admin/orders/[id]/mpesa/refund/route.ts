import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { requestMpesaReversalWorkflow } from "../../../../../../workflows/request-mpesa-reversal"
import type { AdminMpesaRefundBodyType } from "../../../../mpesa/validators"

/**
 * POST /admin/orders/:id/mpesa/refund: asks Safaricom to reverse the payment.
 * Answers 202: the refund is recorded in Medusa when Safaricom confirms.
 */
export async function POST(req: AuthenticatedMedusaRequest<AdminMpesaRefundBodyType>, res: MedusaResponse) {
  const { result } = await requestMpesaReversalWorkflow(req.scope).run({
    input: {
      order_id: req.params.id,
      amount_kes: req.validatedBody?.amount_kes,
      requested_by: req.auth_context?.actor_id,
    },
  })
  res.status(202).json({ reversal: result })
}
