import { acquireLockStep, refundPaymentWorkflow, releaseLockStep } from "@medusajs/medusa/core-flows"
import { createStep, createWorkflow, StepResponse, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { MPESA_MODULE } from "../modules/mpesa"
import type MpesaModuleService from "../modules/mpesa/service"
import { refundLockKey } from "./request-mpesa-refund"
import { prepareMedusaRefundStep } from "./steps/prepare-medusa-refund"

export type RecordMpesaRefundWorkflowInput = { refund_id: string; order_id: string | null }

export const recordMpesaRefundWorkflowId = "record-mpesa-refund"

const markRefundRecordedStep = createStep(
  "mark-mpesa-refund-recorded",
  async ({ refund_id }: { refund_id: string }, { container }) => {
    const mpesa = container.resolve<MpesaModuleService>(MPESA_MODULE)
    await mpesa.updateReversals({ id: refund_id, refund_recorded_at: new Date() })
    return new StepResponse(null, refund_id)
  },
  async (refundId, { container }) => {
    if (refundId) {
      await container.resolve<MpesaModuleService>(MPESA_MODULE).updateReversals({ id: refundId, refund_recorded_at: null })
    }
  }
)

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
