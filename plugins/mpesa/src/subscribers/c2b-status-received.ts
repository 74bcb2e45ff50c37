import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { DARAJA_CALLBACK_EVENTS } from "../workflows/receive-daraja-callback"
import { settleMpesaC2bPaymentWorkflow } from "../workflows/settle-mpesa-c2b-payment"

/**
 * A Transaction Status result: if it answers a C2B payment's query (its
 * conversation ids say so), it settles that payment. Results about refunds
 * are settled by refund-status-received; each ignores the other's.
 */
export default async function c2bStatusReceivedHandler({ event: { data }, container }: SubscriberArgs<{ callback_log_id: string }>) {
  await settleMpesaC2bPaymentWorkflow(container).run({ input: { callback_log_id: data.callback_log_id } })
}

export const config: SubscriberConfig = {
  event: DARAJA_CALLBACK_EVENTS.status,
  context: { subscriberId: "soko-mpesa-settle-c2b-status" },
}
