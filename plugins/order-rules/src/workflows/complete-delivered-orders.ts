import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { TIMERS } from "./utils/constants"
import { composeTimerRun } from "./utils/run-timer"
import type { TimerRunInput } from "./utils/timer-settings"

export const completeDeliveredOrdersWorkflowId = "complete-delivered-orders"

/**
 * Timer: completes orders delivered more than N days ago (and completes them in
 * Medusa too). Pass `now` to run it at a chosen time.
 */
export const completeDeliveredOrdersWorkflow = createWorkflow(
  completeDeliveredOrdersWorkflowId,
  (input: TimerRunInput) => new WorkflowResponse(composeTimerRun(TIMERS.completeDelivered, input))
)
