import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { settleStkRequestWorkflow } from "../workflows/settle-stk-request"

export default async function stkCallbackReceivedHandler({
  event: { data },
  container,
}: SubscriberArgs<{ callback_log_id: string; checkout_request_id: string }>) {
  await settleStkRequestWorkflow(container).run({
    input: { checkout_request_id: data.checkout_request_id, callback_log_id: data.callback_log_id },
  })
}

export const config: SubscriberConfig = {
  event: "mpesa.stk_callback_received",
  context: { subscriberId: "soko-mpesa-settle-stk-callback" },
}
