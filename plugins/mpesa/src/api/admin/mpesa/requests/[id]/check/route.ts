import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MPESA_MODULE } from "../../../../../../modules/mpesa"
import type MpesaModuleService from "../../../../../../modules/mpesa/service"
import { settleStkRequestWorkflow } from "../../../../../../workflows/settle-stk-request"

/** POST /admin/mpesa/requests/:id/check: ask Daraja now (STK Query) and settle what it says. */
export async function POST(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const mpesa = req.scope.resolve<MpesaModuleService>(MPESA_MODULE)
  const request = await mpesa.retrieveStkRequest(req.params.id)
  const { result } = await settleStkRequestWorkflow(req.scope).run({
    input: { checkout_request_id: request.checkout_request_id },
  })
  res.json({ decision: { action: result.action, note: result.note }, transaction: await mpesa.retrieveStkRequest(request.id) })
}
