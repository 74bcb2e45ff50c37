import { MedusaError } from "@medusajs/framework/utils"
import type { OrderStatusContext } from "../steps/load-order-status-context"

/** A customer asking about someone else's order gets the same 404 as for a missing one. */
export function assertOrderOwner(context: OrderStatusContext, customerId: string | null | undefined) {
  if (customerId === undefined || customerId === null) {
    return
  }
  if (context.order.customer_id !== customerId) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `Order ${context.order_id} was not found`)
  }
}
