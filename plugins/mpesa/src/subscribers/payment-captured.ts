import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { PaymentEvents } from "@medusajs/framework/utils"
import { noteMpesaCaptureAnnouncedWorkflow } from "../workflows/note-mpesa-capture-announced"

/** Proof that a capture was announced: reconciliation announces the ones this never saw. */
export default async function mpesaPaymentCapturedHandler({ event: { data }, container }: SubscriberArgs<{ id: string }>) {
  await noteMpesaCaptureAnnouncedWorkflow(container).run({ input: { payment_id: data.id } })
}

export const config: SubscriberConfig = {
  event: PaymentEvents.CAPTURED,
  context: { subscriberId: "soko-mpesa-capture-announced" },
}
