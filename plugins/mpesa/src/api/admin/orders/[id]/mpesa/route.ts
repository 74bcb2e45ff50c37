import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MPESA_MODULE } from "../../../../../modules/mpesa"
import type MpesaModuleService from "../../../../../modules/mpesa/service"

/** GET /admin/orders/:id/mpesa: the order's STK pushes and the callbacks about them, oldest first. */
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const mpesa = req.scope.resolve<MpesaModuleService>(MPESA_MODULE)
  const transactions = await mpesa.listStkRequests({ order_id: req.params.id }, { order: { created_at: "ASC" } })
  const ids = transactions.map((t) => t.checkout_request_id)
  const callbacks = ids.length
    ? await mpesa.listCallbackLogs({ checkout_request_id: ids }, { order: { created_at: "ASC" } })
    : []
  const reversals = await mpesa.listReversals({ order_id: req.params.id }, { order: { created_at: "ASC" } })
  res.json({ transactions, callbacks, reversals })
}
