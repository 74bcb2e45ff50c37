import {
  createStep,
  createWorkflow,
  StepResponse,
  transform,
  WorkflowResponse,
} from "@medusajs/framework/workflows-sdk"
import type { Actor } from "../rules"
import { loadOrderStatusContextStep, type OrderStatusContext } from "./steps/load-order-status-context"
import { assertOrderOwner } from "./utils/assert-order-owner"
import { toStatusView } from "./utils/status-view"

export type GetOrderStatusWorkflowInput = {
  order_id: string
  actor: Actor
  /** Set for customers: only their own orders are found. */
  customer_id?: string | null
}

export const getOrderStatusWorkflowId = "get-order-status"

export const ensureOrderOwnerStepId = "ensure-order-owner"

/** Refuses (404) an order that is not the given customer's. */
export const ensureOrderOwnerStep = createStep(
  ensureOrderOwnerStepId,
  async (input: { context: OrderStatusContext; customer_id?: string | null }) => {
    assertOrderOwner(input.context, input.customer_id)
    return new StepResponse(true)
  }
)

/** An order's status with the states the given actor may move it to now. */
export const getOrderStatusWorkflow = createWorkflow(
  getOrderStatusWorkflowId,
  (input: GetOrderStatusWorkflowInput) => {
    const context = loadOrderStatusContextStep({ order_id: input.order_id })
    ensureOrderOwnerStep({ context, customer_id: input.customer_id })
    return new WorkflowResponse(
      transform({ context, input }, ({ context, input }) => toStatusView(context, input.actor))
    )
  }
)
