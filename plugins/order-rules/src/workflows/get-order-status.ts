import {
  createWorkflow,
  transform,
  WorkflowResponse,
} from "@medusajs/framework/workflows-sdk"
import type { Actor } from "../rules"
import { loadOrderStatusContextStep } from "./steps/load-order-status-context"
import { toStatusView } from "./utils/status-view"

export type GetOrderStatusWorkflowInput = { order_id: string; actor: Actor }

export const getOrderStatusWorkflowId = "get-order-status"

/** An order's status with the states the given actor may move it to now. */
export const getOrderStatusWorkflow = createWorkflow(
  getOrderStatusWorkflowId,
  (input: GetOrderStatusWorkflowInput) => {
    const context = loadOrderStatusContextStep({ order_id: input.order_id })
    return new WorkflowResponse(
      transform({ context, input }, ({ context, input }) => toStatusView(context, input.actor))
    )
  }
)
