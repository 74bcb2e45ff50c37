import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { ORDER_STATUS_EVENTS } from "../rules"
import { applyOrderEventWorkflow } from "../workflows/apply-order-event"

/** Payment, fulfilment, shipment, delivery, cancel and refund events move the order's status. */
export default async function orderStatusEventsHandler({
  event: { name, data },
  container,
}: SubscriberArgs<Record<string, unknown>>) {
  await applyOrderEventWorkflow(container).run({
    input: { event_name: name, data },
  })
}

export const config: SubscriberConfig = {
  event: Object.values(ORDER_STATUS_EVENTS),
  context: { subscriberId: "soko-order-rules-status-events" },
}
