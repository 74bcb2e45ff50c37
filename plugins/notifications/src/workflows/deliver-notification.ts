import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { deliverNotificationMessagesStep } from "./steps/deliver-notification-messages"

export type DeliverNotificationWorkflowInput = { ids: string[] }

export const deliverNotificationWorkflowId = "soko-deliver-notification"

/** One attempt for each of the given messages that is due (used by retries). */
export const deliverNotificationWorkflow = createWorkflow(
  deliverNotificationWorkflowId,
  (input: DeliverNotificationWorkflowInput) => {
    return new WorkflowResponse(deliverNotificationMessagesStep(input))
  }
)
