import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { TIMERS } from "./utils/constants"
import { composeTimerRun } from "./utils/run-timer"
import type { TimerRunInput } from "./utils/timer-settings"

export const cancelUnpaidOrdersWorkflowId = "cancel-unpaid-orders"

/**
 * Timer: cancels orders still unpaid (awaiting payment / payment failed) N
 * minutes after placement, through the status change workflow, so Medusa's
 * cancel releases the stock reservations and the payment, and
 * `order_status.changed` (source "timer:cancel-unpaid") lets a notification
 * plugin tell the customer. Pass `now` to run it at a chosen time.
 */
export const cancelUnpaidOrdersWorkflow = createWorkflow(
  cancelUnpaidOrdersWorkflowId,
  (input: TimerRunInput) => new WorkflowResponse(composeTimerRun(TIMERS.cancelUnpaid, input))
)
