import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { MPESA_MODULE } from "../modules/mpesa"
import type MpesaModuleService from "../modules/mpesa/service"
import { DARAJA_CALLBACK_EVENTS } from "../workflows/receive-daraja-callback"
import { recordMpesaRefundWorkflow } from "../workflows/record-mpesa-refund"
import { settleMpesaRefundStatusWorkflow } from "../workflows/settle-mpesa-refund-status"

/**
 * Settles a refund from Transaction Status, then records a confirmed one in
 * Medusa. Two workflows on purpose: if recording fails, what Safaricom
 * confirmed stays settled and reconciliation records it later.
 */
export default async function refundStatusReceivedHandler({
  event: { data },
  container,
}: SubscriberArgs<{ callback_log_id: string }>) {
  const { result } = await settleMpesaRefundStatusWorkflow(container).run({ input: { callback_log_id: data.callback_log_id } })
  if (result.refund_id && (result.status === "reversed" || result.status === "paid_out")) {
    const refund = await container.resolve<MpesaModuleService>(MPESA_MODULE).retrieveReversal(result.refund_id)
    await recordMpesaRefundWorkflow(container).run({ input: { refund_id: refund.id, order_id: refund.order_id } })
  }
}

export const config: SubscriberConfig = {
  event: DARAJA_CALLBACK_EVENTS.status,
  context: { subscriberId: "soko-mpesa-settle-refund-status" },
}
