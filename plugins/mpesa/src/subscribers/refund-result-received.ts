import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { DARAJA_CALLBACK_EVENTS } from "../workflows/receive-daraja-callback"
import { settleMpesaRefundResultWorkflow } from "../workflows/settle-mpesa-refund-result"

export default async function refundResultReceivedHandler({
  event: { data },
  container,
}: SubscriberArgs<{ callback_log_id: string }>) {
  await settleMpesaRefundResultWorkflow(container).run({ input: { callback_log_id: data.callback_log_id } })
}

export const config: SubscriberConfig = {
  event: DARAJA_CALLBACK_EVENTS.reversal,
  context: { subscriberId: "soko-mpesa-settle-refund" },
}
