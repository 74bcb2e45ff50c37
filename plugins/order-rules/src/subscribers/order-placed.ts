import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { applyOrderEventWorkflow } from "../workflows/apply-order-event"
import { ORDER_PLACED_EVENT } from "../workflows/utils/plan-event-changes"

/**
 * Every new order gets its first status and history entry. This is what
 * setInitialOrderStatusWorkflow does, started directly: that workflow nests
 * this one as a step, a second workflow run on every checkout.
 */
export default async function orderPlacedHandler({
  event: { data },
  container,
}: SubscriberArgs<{ id: string }>) {
  await applyOrderEventWorkflow(container).run({
    input: { event_name: ORDER_PLACED_EVENT, data: { id: data.id } },
  })
}

export const config: SubscriberConfig = {
  event: ORDER_PLACED_EVENT,
  context: { subscriberId: "soko-order-rules-order-placed" },
}
