import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { upsertTemplateOverrideStep } from "./steps/upsert-template-override"
import { TemplateOverrideInput, validateTemplateOverrideStep } from "./steps/validate-template-override"

export const saveNotificationTemplateWorkflowId = "soko-save-notification-template"

/**
 * Saves a merchant's override of a template in one locale, after checking
 * it; `null` parts go back to the built-in text, all-null removes the override.
 */
export const saveNotificationTemplateWorkflow = createWorkflow(
  saveNotificationTemplateWorkflowId,
  (input: TemplateOverrideInput) => {
    validateTemplateOverrideStep(input)
    return new WorkflowResponse(upsertTemplateOverrideStep(input))
  }
)
