import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { setInitialOrderStatusWorkflow } from "../workflows/set-initial-order-status"

/** Every new order gets its first status and history entry. */
export default async function orderPlacedHandler({
  event: { data },
  container,
}: SubscriberArgs<{ id: string }>) {
  await setInitialOrderStatusWorkflow(container).run({
    input: { order_id: data.id },
  })
}

export const config: SubscriberConfig = {
  event: "order.placed",
  context: { subscriberId: "soko-order-rules-order-placed" },
}
