import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { listCustomerOrderStatusesWorkflow } from "../../../../../workflows/list-customer-order-statuses"
import type { GetStoreOrderLifecyclesType } from "./validators"

/** The logged-in customer's orders with their statuses, newest first. */
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const { limit, offset } = req.validatedQuery as GetStoreOrderLifecyclesType
  const { result } = await listCustomerOrderStatusesWorkflow(req.scope).run({
    input: { customer_id: req.auth_context.actor_id, limit, offset },
  })
  res.json({ orders: result.orders, count: result.count, limit, offset })
}
