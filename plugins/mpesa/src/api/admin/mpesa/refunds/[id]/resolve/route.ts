import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { MPESA_MODULE } from "../../../../../../modules/mpesa"
import type MpesaModuleService from "../../../../../../modules/mpesa/service"
import { resolveMpesaRefundWorkflow } from "../../../../../../workflows/resolve-mpesa-refund"
import { answerMpesaConflict } from "../../../conflict"
import type { AdminMpesaResolveRefundBodyType } from "../../../validators"

/**
 * POST /admin/mpesa/refunds/:id/resolve: for a refund Safaricom never
 * answered. `{ receipt }` asks Transaction Status about the refund's receipt
 * from the M-Pesa statement (202; its answer settles the refund), `{
 * found_nothing: true }` fails it so the payment can be refunded again.
 */
export async function POST(req: AuthenticatedMedusaRequest<AdminMpesaResolveRefundBodyType>, res: MedusaResponse) {
  // Ids are ours ("mrev_…"); anything else (a NUL byte, say) cannot name a refund.
  const [refund] = /^mrev_[A-Za-z0-9]{1,64}$/.test(req.params.id)
    ? await req.scope.resolve<MpesaModuleService>(MPESA_MODULE).listReversals({ id: req.params.id })
    : []
  if (!refund) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `No M-Pesa refund has the id ${req.params.id}.`)
  }
  let result
  try {
    ;({ result } = await resolveMpesaRefundWorkflow(req.scope).run({
      input: {
        refund_id: refund.id,
        order_id: refund.order_id,
        receipt: req.validatedBody.receipt,
        found_nothing: req.validatedBody.found_nothing,
        actor_id: req.auth_context?.actor_id,
      },
    }))
  } catch (error) {
    if (answerMpesaConflict(error, res)) {
      return
    }
    throw error
  }
  const [after] = await req.scope.resolve<MpesaModuleService>(MPESA_MODULE).listReversals({ id: refund.id })
  res.status(result.asked ? 202 : 200).json({ refund: after, message: result.note })
}
