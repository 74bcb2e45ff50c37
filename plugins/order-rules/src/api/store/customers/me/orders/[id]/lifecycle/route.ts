import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ORDER_RULES_MODULE } from "../../../../../../../modules/order-rules"
import type OrderRulesModuleService from "../../../../../../../modules/order-rules/service"
import { changeOrderStatusWorkflow } from "../../../../../../../workflows/change-order-status"
import { getOrderStatusWorkflow } from "../../../../../../../workflows/get-order-status"
import type { PostAdminOrderLifecycleType } from "../../../../../../admin/orders/[id]/lifecycle/validators"
import { respondWithDenial } from "../../../../../../utils/respond-with-denial"

/** One of the customer's orders: status, what the customer may do now, and its timeline. */
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const { result } = await getOrderStatusWorkflow(req.scope).run({
    input: { order_id: req.params.id, actor: "customer", customer_id: req.auth_context.actor_id },
  })
  const service = req.scope.resolve<OrderRulesModuleService>(ORDER_RULES_MODULE)
  const history = await service.listOrderStatusChanges({ order_id: req.params.id }, { order: { sequence: "ASC" } })
  const { medusa: _medusa, ...view } = result
  res.json({
    order_lifecycle: view,
    timeline: history.map((h) => ({ status: h.to_status, at: h.created_at })),
  })
}

/** The customer moves their own order (by default: cancel before payment, retry after a failed payment). */
export async function POST(
  req: AuthenticatedMedusaRequest<PostAdminOrderLifecycleType>,
  res: MedusaResponse
) {
  const body = req.validatedBody
  try {
    const { result } = await changeOrderStatusWorkflow(req.scope).run({
      input: {
        order_id: req.params.id,
        to: body.status,
        actor: "customer",
        actor_id: req.auth_context.actor_id,
        customer_id: req.auth_context.actor_id,
        reason: body.reason,
        source: "store_api",
        idempotency_key: body.idempotency_key ?? req.get("idempotency-key") ?? null,
      },
    })
    res.json({ order_lifecycle: { order_id: result.order_id, status: result.status }, replayed: result.replayed })
  } catch (error) {
    if (!respondWithDenial(res, error)) {
      throw error
    }
  }
}
