import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { noteMpesaCaptureAnnouncedStep } from "./steps/note-mpesa-capture-announced"

export type NoteMpesaCaptureAnnouncedWorkflowInput = { payment_id: string }

export const noteMpesaCaptureAnnouncedWorkflowId = "note-mpesa-capture-announced"

/** Started by the `payment.captured` subscriber: the announcement arrived, so reconciliation leaves it alone. */
export const noteMpesaCaptureAnnouncedWorkflow = createWorkflow(
  noteMpesaCaptureAnnouncedWorkflowId,
  (input: NoteMpesaCaptureAnnouncedWorkflowInput) => new WorkflowResponse(noteMpesaCaptureAnnouncedStep(input))
)
