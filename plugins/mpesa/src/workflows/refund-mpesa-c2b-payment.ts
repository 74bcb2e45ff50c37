import { acquireLockStep, releaseLockStep } from "@medusajs/medusa/core-flows"
import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { refundLockKey, REFUND_LOCK_WAIT_SECONDS } from "./request-mpesa-refund"
import { c2bLockKey } from "./settle-mpesa-c2b-payment"
import { applyC2bEventStep } from "./steps/apply-c2b-event"
import { planMpesaRefundStep } from "./steps/plan-mpesa-refund"
import { recordMpesaRefundRequestStep } from "./steps/record-mpesa-refund-request"
import { sendMpesaRefundStep } from "./steps/send-mpesa-refund"

export type RefundMpesaC2bPaymentWorkflowInput = { id: string; requested_by?: string }

export const refundMpesaC2bPaymentWorkflowId = "refund-mpesa-c2b-payment"

/**
 * Sends a paybill/till payment no order captured (unmatched, or in review)
 * back by Reversal of its TransID: the money path's plan, record and send
 * steps, under the payment's refund lock and its C2B lock (an attach cannot
 * race it). It leaves the queue (state machine: → refunded) before
 * Safaricom is asked; Medusa records no refund, as no order holds the money.
 */
export const refundMpesaC2bPaymentWorkflow = createWorkflow(refundMpesaC2bPaymentWorkflowId, (input: RefundMpesaC2bPaymentWorkflowInput) => {
  const key = transform({ input }, ({ input }) => [refundLockKey(input.id), c2bLockKey(input.id)])
  acquireLockStep({ key, timeout: REFUND_LOCK_WAIT_SECONDS, ttl: 60 })
  const planned = planMpesaRefundStep({ c2b_payment_id: input.id })
  applyC2bEventStep({ id: input.id, event: { type: "merchant_refunded" }, must_change: true })
  const refund = recordMpesaRefundRequestStep({ planned, requested_by: input.requested_by })
  const sent = sendMpesaRefundStep({ refund, planned })
  releaseLockStep({ key })
  return new WorkflowResponse(sent)
})
