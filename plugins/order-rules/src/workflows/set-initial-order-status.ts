import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { applyOrderEventWorkflow } from "./apply-order-event"
import { ORDER_PLACED_EVENT } from "./utils/plan-event-changes"

export type SetInitialOrderStatusWorkflowInput = { order_id: string }

export const setInitialOrderStatusWorkflowId = "set-initial-order-status"

/**
 * Gives a newly placed order its first status and history entry (idempotent:
 * an order that already has a status is left alone).
 */
export const setInitialOrderStatusWorkflow = createWorkflow(
  setInitialOrderStatusWorkflowId,
  (input: SetInitialOrderStatusWorkflowInput) => {
    const result = applyOrderEventWorkflow.runAsStep({
      input: { event_name: ORDER_PLACED_EVENT, data: { id: input.order_id } },
    })
    return new WorkflowResponse(result)
  }
)
