import { acquireLockStep, releaseLockStep } from "@medusajs/medusa/core-flows"
import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { planMpesaRefundStep } from "./steps/plan-mpesa-refund"
import { recordMpesaRefundRequestStep } from "./steps/record-mpesa-refund-request"
import { sendMpesaRefundStep } from "./steps/send-mpesa-refund"

export type RequestMpesaRefundWorkflowInput = {
  order_id: string
  /** Whole KES; absent refunds everything not yet refunded. */
  amount_kes?: number
  requested_by?: string
}

export const requestMpesaRefundWorkflowId = "request-mpesa-refund"

/** Every change to an order's M-Pesa refunds (request, result, status, recording) holds this lock. */
export const refundLockKey = (orderId: string) => `mpesa-refund:${orderId}`

/** How long a second refund request waits for the first before it is told to try again. */
export const REFUND_LOCK_WAIT_SECONDS = 5

/**
 * Refunds an order's M-Pesa payment: in full through Reversal, or in part by
 * B2C. Under the payment's refund lock it plans against the ledger as it is,
 * records the refund, then asks Safaricom; the refund is recorded in Medusa
 * only once Transaction Status confirms Safaricom's result.
 */
export const requestMpesaRefundWorkflow = createWorkflow(
  requestMpesaRefundWorkflowId,
  (input: RequestMpesaRefundWorkflowInput) => {
    const key = transform({ input }, ({ input }) => refundLockKey(input.order_id))
    acquireLockStep({ key, timeout: REFUND_LOCK_WAIT_SECONDS, ttl: 60 })
    const planned = planMpesaRefundStep({ order_id: input.order_id, amount_kes: input.amount_kes })
    const refund = recordMpesaRefundRequestStep({ planned, requested_by: input.requested_by })
    const sent = sendMpesaRefundStep({ refund, planned })
    releaseLockStep({ key })
    return new WorkflowResponse(sent)
  }
)
