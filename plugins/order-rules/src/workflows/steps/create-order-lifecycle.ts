import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { ORDER_RULES_MODULE } from "../../modules/order-rules"
import type OrderRulesModuleService from "../../modules/order-rules/service"

export type CreateOrderLifecycleStepInput = {
  order_id: string
  status: string
}

export const createOrderLifecycleStepId = "create-order-lifecycle"

/**
 * Creates the lifecycle row of an order unless it already has one, so a
 * replayed `order.placed` event changes nothing.
 */
export const createOrderLifecycleStep = createStep(
  createOrderLifecycleStepId,
  async (input: CreateOrderLifecycleStepInput, { container }) => {
    const service = container.resolve<OrderRulesModuleService>(ORDER_RULES_MODULE)
    const [existing] = await service.listOrderLifecycles({ order_id: input.order_id })
    if (existing) {
      return new StepResponse(existing, null)
    }
    const created = await service.createOrderLifecycles(input)
    return new StepResponse(created, created.id)
  },
  async (createdId, { container }) => {
    if (!createdId) {
      return
    }
    const service = container.resolve<OrderRulesModuleService>(ORDER_RULES_MODULE)
    await service.deleteOrderLifecycles(createdId)
  }
)
