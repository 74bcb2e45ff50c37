import { createStep, createWorkflow, StepResponse, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { ensureStkRequest } from "./steps/ensure-stk-request"
import { sendNewStkPushStep } from "./steps/send-new-stk-push"

export type RetryStkPushWorkflowInput = { session_id: string; phone?: string }

export const retryStkPushWorkflowId = "retry-mpesa-stk-push"

const recordPushedRequestStep = createStep(
  "record-retried-mpesa-stk-request",
  async (session: { id: string; payment_collection_id: string; data: Record<string, unknown> }, { container }) => {
    const { request } = await ensureStkRequest(container, session)
    return new StepResponse(request)
  }
)

/** Sends a new prompt for a failed or expired M-Pesa payment and records it. */
export const retryStkPushWorkflow = createWorkflow(retryStkPushWorkflowId, (input: RetryStkPushWorkflowInput) => {
  const session = sendNewStkPushStep(input)
  const request = recordPushedRequestStep(session)
  return new WorkflowResponse({ session, request })
})
