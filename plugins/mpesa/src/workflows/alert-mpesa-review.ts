import { sendNotificationsStep } from "@medusajs/medusa/core-flows"
import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { buildReviewAlertStep } from "./steps/build-review-alert"

export type AlertMpesaReviewWorkflowInput = { request_id: string }

export const alertMpesaReviewWorkflowId = "alert-mpesa-review"

/** Tells the merchant, in the admin's notification feed, that a payment waits in the review queue; once per payment. */
export const alertMpesaReviewWorkflow = createWorkflow(alertMpesaReviewWorkflowId, (input: AlertMpesaReviewWorkflowInput) => {
  const notifications = buildReviewAlertStep({ request_id: input.request_id })
  return new WorkflowResponse(sendNotificationsStep(notifications))
})
