import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { recordStkRequestsStep } from "./steps/record-stk-requests"
import { sendNewStkPushStep } from "./steps/send-new-stk-push"

export type RetryStkPushWorkflowInput = { session_id: string; phone?: string }

export const retryStkPushWorkflowId = "retry-mpesa-stk-push"

/** Sends a new prompt for a failed or expired M-Pesa payment and records it. */
export const retryStkPushWorkflow = createWorkflow(retryStkPushWorkflowId, (input: RetryStkPushWorkflowInput) => {
  const session = sendNewStkPushStep(input)
  const requests = recordStkRequestsStep({ sessions: transform({ session }, ({ session }) => [session]) })
  const request = transform({ requests }, ({ requests }) => requests[0])
  return new WorkflowResponse({ session, request })
})
