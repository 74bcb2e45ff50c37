import { acquireLockStep, releaseLockStep } from "@medusajs/medusa/core-flows"
import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { refundLockKey } from "./request-mpesa-refund"
import { askRefundStatusStep } from "./steps/ask-refund-status"

export type CheckMpesaRefundWorkflowInput = { refund_id: string; order_id: string | null }

export const checkMpesaRefundWorkflowId = "check-mpesa-refund"

/** Asks Transaction Status about an unsettled refund (its answer settles it at the status hook). */
export const checkMpesaRefundWorkflow = createWorkflow(checkMpesaRefundWorkflowId, (input: CheckMpesaRefundWorkflowInput) => {
  const key = transform({ input }, ({ input }) => refundLockKey(input.order_id ?? input.refund_id))
  acquireLockStep({ key, timeout: 30, ttl: 120 })
  const asked = askRefundStatusStep({ refund_id: input.refund_id })
  releaseLockStep({ key })
  return new WorkflowResponse(asked)
})
