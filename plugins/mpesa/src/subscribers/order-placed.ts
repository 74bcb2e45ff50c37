import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { linkStkRequestsToOrderWorkflow } from "../workflows/link-stk-requests-to-order"

export default async function mpesaOrderPlacedHandler({ event: { data }, container }: SubscriberArgs<{ id: string }>) {
  await linkStkRequestsToOrderWorkflow(container).run({ input: { order_id: data.id } })
}

export const config: SubscriberConfig = {
  event: "order.placed",
  context: { subscriberId: "soko-mpesa-link-order" },
}
