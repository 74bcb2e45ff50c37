import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { settleMpesaReversalWorkflow } from "../workflows/settle-mpesa-reversal"

export default async function reversalResultReceivedHandler({
  event: { data },
  container,
}: SubscriberArgs<{ callback_log_id: string }>) {
  await settleMpesaReversalWorkflow(container).run({ input: { callback_log_id: data.callback_log_id } })
}

export const config: SubscriberConfig = {
  event: "mpesa.reversal_result_received",
  context: { subscriberId: "soko-mpesa-settle-reversal" },
}
