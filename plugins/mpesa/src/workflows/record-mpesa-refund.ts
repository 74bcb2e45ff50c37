import { acquireLockStep, refundPaymentWorkflow, releaseLockStep } from "@medusajs/medusa/core-flows"
import { createWorkflow, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { refundLockKey } from "./request-mpesa-refund"
import { markRefundRecordedStep } from "./steps/mark-mpesa-refund-recorded"
import { prepareMedusaRefundStep } from "./steps/prepare-medusa-refund"

export type RecordMpesaRefundWorkflowInput = { refund_id: string; order_id: string | null }

export const recordMpesaRefundWorkflowId = "record-mpesa-refund"

/**
 * Records a refund Safaricom confirmed as a Medusa refund, through Medusa's
 * own refund workflow, exactly once (the refund id travels in the payment's
 * data). Started after Transaction Status settles a refund, and again by
 * reconciliation for any confirmed refund not yet recorded.
 */
export const recordMpesaRefundWorkflow = createWorkflow(recordMpesaRefundWorkflowId, (input: RecordMpesaRefundWorkflowInput) => {
  const key = transform({ input }, ({ input }) => refundLockKey(input.order_id ?? input.refund_id))
  acquireLockStep({ key, timeout: 30, ttl: 120 })
  const prepared = prepareMedusaRefundStep({ refund_id: input.refund_id })
  when("mpesa-refund-record", { prepared }, ({ prepared }) => prepared.action === "record").then(() => {
    refundPaymentWorkflow.runAsStep({
      input: transform({ prepared }, ({ prepared }) => ({
        payment_id: prepared.payment_id!,
        amount: prepared.amount,
        created_by: "mpesa",
        note: "M-Pesa refund confirmed by Safaricom (Transaction Status)",
      })),
    })
  })
  when("mpesa-refund-mark", { prepared }, ({ prepared }) => prepared.action !== "skip").then(() => {
    markRefundRecordedStep({ refund_id: input.refund_id })
  })
  releaseLockStep({ key })
  return new WorkflowResponse(prepared)
})
