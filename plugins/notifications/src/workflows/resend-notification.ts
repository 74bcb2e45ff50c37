import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { createResendMessageStep } from "./steps/create-resend-message"
import { deliverNotificationMessagesStep } from "./steps/deliver-notification-messages"

export type ResendNotificationWorkflowInput = { id: string }

export const resendNotificationWorkflowId = "soko-resend-notification"

/** Sends a logged message again, as a new message linked to the original. */
export const resendNotificationWorkflow = createWorkflow(
  resendNotificationWorkflowId,
  (input: ResendNotificationWorkflowInput) => {
    const id = createResendMessageStep(input)
    const outcomes = deliverNotificationMessagesStep(transform({ id }, ({ id }) => ({ ids: [id] })))
    return new WorkflowResponse(transform({ id, outcomes }, ({ id, outcomes }) => ({ id, outcome: outcomes[0] })))
  }
)
