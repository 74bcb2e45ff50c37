import { acquireLockStep, releaseLockStep } from "@medusajs/medusa/core-flows"
import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { reviewLockKey } from "./attach-mpesa-review-payment"
import { refundLockKey, REFUND_LOCK_WAIT_SECONDS } from "./request-mpesa-refund"
import { applyReviewEventStep } from "./steps/apply-review-event"
import { planMpesaRefundStep } from "./steps/plan-mpesa-refund"
import { recordMpesaRefundRequestStep } from "./steps/record-mpesa-refund-request"
import { sendMpesaRefundStep } from "./steps/send-mpesa-refund"

export type RefundMpesaReviewPaymentWorkflowInput = { request_id: string; requested_by?: string }

export const refundMpesaReviewPaymentWorkflowId = "refund-mpesa-review-payment"

/**
 * Sends a payment held in review back to the phone that paid it, by Reversal
 * of its receipt: the same plan, record and send steps as an order's refund,
 * under the payment's refund lock. The request leaves the queue (state
 * machine: review → refunded) before Safaricom is asked; if the plan refuses,
 * it stays in review. Medusa records no refund: no order captured this money.
 */
export const refundMpesaReviewPaymentWorkflow = createWorkflow(
  refundMpesaReviewPaymentWorkflowId,
  (input: RefundMpesaReviewPaymentWorkflowInput) => {
    // The refund lock serialises money out of this payment; the review lock keeps an attach from racing it.
    const key = transform({ input }, ({ input }) => [refundLockKey(input.request_id), reviewLockKey(input.request_id)])
    acquireLockStep({ key, timeout: REFUND_LOCK_WAIT_SECONDS, ttl: 60 })
    const planned = planMpesaRefundStep({ stk_request_id: input.request_id })
    applyReviewEventStep({ request_id: input.request_id, event: "review_refunded" })
    const refund = recordMpesaRefundRequestStep({ planned, requested_by: input.requested_by })
    const sent = sendMpesaRefundStep({ refund, planned })
    releaseLockStep({ key })
    return new WorkflowResponse(sent)
  }
)
