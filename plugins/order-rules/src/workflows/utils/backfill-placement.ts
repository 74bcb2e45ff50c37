import type { StatusChangeInput } from "../../modules/order-rules/types"
import type { OrderStatusContext } from "../steps/load-order-status-context"

/**
 * An order without a lifecycle row (placed before the plugin was installed, or
 * an event that beat `order.placed`) starts its history with its placement, so
 * every history begins at the initial state.
 */
export function backfillPlacement(context: OrderStatusContext): StatusChangeInput[] {
  if (context.status !== null) {
    return []
  }
  return [
    {
      from_status: null,
      to_status: context.rule_set.initial,
      actor: "system",
      reason: "order placed",
      source: "backfill",
    },
  ]
}
