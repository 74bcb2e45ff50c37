import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { noteStkCaptureAnnouncedStep } from "./steps/note-stk-capture-announced"

export type NoteMpesaCaptureAnnouncedWorkflowInput = { payment_id: string }

export const noteMpesaCaptureAnnouncedWorkflowId = "note-mpesa-capture-announced"

/** Started by the `payment.captured` subscriber: the announcement arrived, so reconciliation leaves it alone. */
export const noteMpesaCaptureAnnouncedWorkflow = createWorkflow(
  noteMpesaCaptureAnnouncedWorkflowId,
  (input: NoteMpesaCaptureAnnouncedWorkflowInput) => new WorkflowResponse(noteStkCaptureAnnouncedStep(input))
)
