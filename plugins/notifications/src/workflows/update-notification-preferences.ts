import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import {
  upsertNotificationPreferenceStep,
  UpsertNotificationPreferenceStepInput,
} from "./steps/upsert-notification-preference"

export const updateNotificationPreferencesWorkflowId = "soko-update-notification-preferences"

/** Sets a customer's SMS/email opt-outs and message language. */
export const updateNotificationPreferencesWorkflow = createWorkflow(
  updateNotificationPreferencesWorkflowId,
  (input: UpsertNotificationPreferenceStepInput) => new WorkflowResponse(upsertNotificationPreferenceStep(input))
)
