import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { MPESA_MODULE } from "../../../../../../../modules/mpesa"
import type MpesaModuleService from "../../../../../../../modules/mpesa/service"
import { attachMpesaC2bPaymentWorkflow } from "../../../../../../../workflows/attach-mpesa-c2b-payment"
import { answerMpesaConflict } from "../../../../conflict"
import type { AdminMpesaC2bAttachBodyType } from "../../../../validators"

/**
 * POST /admin/mpesa/c2b/payments/:id/attach { order_id }: an unmatched (or
 * in-review) paybill/till payment pays the order the merchant chose, captured
 * in Medusa. 404 for an unknown payment; 409 with the reason when it cannot.
 */
export async function POST(req: AuthenticatedMedusaRequest<AdminMpesaC2bAttachBodyType>, res: MedusaResponse) {
  const [payment] = await req.scope.resolve<MpesaModuleService>(MPESA_MODULE).listC2bPayments({ id: req.params.id })
  if (!payment) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `No paybill/till payment with id ${req.params.id}`)
  }
  try {
    const { result } = await attachMpesaC2bPaymentWorkflow(req.scope).run({ input: { id: payment.id, order_id: req.validatedBody.order_id } })
    res.json({ payment: result })
  } catch (error) {
    if (!answerMpesaConflict(error, res)) {
      throw error
    }
  }
}
