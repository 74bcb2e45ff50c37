import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { settleStuckNotificationsStep, SettleStuckNotificationsStepInput } from "./steps/settle-stuck-notifications"

export const sweepNotificationsWorkflowId = "soko-sweep-notifications"

/** Finds messages that event-driven delivery left behind and finishes them. */
export const sweepNotificationsWorkflow = createWorkflow(
  sweepNotificationsWorkflowId,
  (input: SettleStuckNotificationsStepInput) => new WorkflowResponse(settleStuckNotificationsStep(input))
)
