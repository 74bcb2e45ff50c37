import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { confirmMpesaC2bPaymentWorkflow } from "../workflows/confirm-mpesa-c2b-payment"
import { MPESA_C2B_RECEIVED_EVENT } from "../workflows/receive-mpesa-c2b-payment"

/** A new C2B confirmation: ask Daraja whether the money really arrived. */
export default async function c2bPaymentReceivedHandler({ event: { data }, container }: SubscriberArgs<{ id: string }>) {
  await confirmMpesaC2bPaymentWorkflow(container).run({ input: { id: data.id } })
}

export const config: SubscriberConfig = {
  event: MPESA_C2B_RECEIVED_EVENT,
  context: { subscriberId: "soko-mpesa-confirm-c2b" },
}
