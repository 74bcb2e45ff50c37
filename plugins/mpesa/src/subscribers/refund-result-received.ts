import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { REFUND_RESULT_RECEIVED_EVENT } from "../lib/initiator-result-hook"
import { settleMpesaReversalWorkflow } from "../workflows/settle-mpesa-reversal"

export default async function refundResultReceivedHandler({
  event: { data },
  container,
}: SubscriberArgs<{ callback_log_id: string }>) {
  await settleMpesaReversalWorkflow(container).run({ input: { callback_log_id: data.callback_log_id } })
}

export const config: SubscriberConfig = {
  event: REFUND_RESULT_RECEIVED_EVENT,
  context: { subscriberId: "soko-mpesa-settle-refund" },
}
