import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { ORDER_RULES_MODULE } from "../../../../../modules/order-rules"
import type OrderRulesModuleService from "../../../../../modules/order-rules/service"

/** The order's current lifecycle status. */
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const service = req.scope.resolve<OrderRulesModuleService>(ORDER_RULES_MODULE)
  const [lifecycle] = await service.listOrderLifecycles({ order_id: req.params.id })
  if (!lifecycle) {
    throw new MedusaError(
      MedusaError.Types.NOT_FOUND,
      `Order ${req.params.id} has no lifecycle status (it does not exist, or was placed before the order-rules plugin was installed)`
    )
  }
  res.json({
    order_lifecycle: {
      order_id: lifecycle.order_id,
      status: lifecycle.status,
      updated_at: lifecycle.updated_at,
    },
  })
}
