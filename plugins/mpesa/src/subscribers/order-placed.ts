import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { linkStkRequestsToOrderWorkflow } from "../workflows/link-stk-requests-to-order"
import { settleStkRequestWorkflow } from "../workflows/settle-stk-request"

export default async function mpesaOrderPlacedHandler({ event: { data }, container }: SubscriberArgs<{ id: string }>) {
  const { result } = await linkStkRequestsToOrderWorkflow(container).run({ input: { order_id: data.id } })
  for (const checkoutRequestId of result.paid_uncaptured) {
    await settleStkRequestWorkflow(container).run({ input: { checkout_request_id: checkoutRequestId } })
  }
}

export const config: SubscriberConfig = {
  event: "order.placed",
  context: { subscriberId: "soko-mpesa-link-order" },
}
