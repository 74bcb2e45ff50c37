import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { INITIAL_ORDER_STATUS } from "../modules/order-rules/initial-status"
import { createOrderLifecycleStep } from "./steps/create-order-lifecycle"

export type SetInitialOrderStatusWorkflowInput = { order_id: string }

export const setInitialOrderStatusWorkflowId = "set-initial-order-status"

/** Gives a newly placed order its first lifecycle status. */
export const setInitialOrderStatusWorkflow = createWorkflow(
  setInitialOrderStatusWorkflowId,
  (input: SetInitialOrderStatusWorkflowInput) => {
    const lifecycle = createOrderLifecycleStep({
      order_id: input.order_id,
      status: INITIAL_ORDER_STATUS,
    })
    return new WorkflowResponse(lifecycle)
  }
)
