import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { requestMpesaRefundWorkflow } from "../../../../../../workflows/request-mpesa-refund"
import type { AdminMpesaRefundBodyType } from "../../../../mpesa/validators"

/**
 * POST /admin/orders/:id/mpesa/refund: the whole payment through Reversal, or
 * `amount_kes` of it by B2C. Answers 202 with the pending refund: it is
 * recorded in Medusa when Safaricom confirms.
 */
export async function POST(req: AuthenticatedMedusaRequest<AdminMpesaRefundBodyType>, res: MedusaResponse) {
  const { result } = await requestMpesaRefundWorkflow(req.scope).run({
    input: {
      order_id: req.params.id,
      amount_kes: req.validatedBody?.amount_kes,
      requested_by: req.auth_context?.actor_id,
    },
  })
  res.status(202).json({ refund: result.reversal ?? result.payout })
}
