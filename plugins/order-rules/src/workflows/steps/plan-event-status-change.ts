import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { planEventChanges } from "../utils/plan-event-changes"
import type { OrderStatusContext } from "./load-order-status-context"

export type PlanEventStatusChangeStepInput = { context: OrderStatusContext; event_name: string }

export const planEventStatusChangeStepId = "plan-event-status-change"

/** The system's changes for a Medusa event; a late or duplicate event plans none and is logged, not raised. */
export const planEventStatusChangeStep = createStep(
  planEventStatusChangeStepId,
  async (input: PlanEventStatusChangeStepInput, { container }) => {
    const plan = planEventChanges(input.context, input.event_name)
    if (plan.notes.length > 0) {
      container
        .resolve(ContainerRegistrationKeys.LOGGER)
        .debug(`order-rules: order ${input.context.order_id}: ${plan.notes.join("; ")}`)
    }
    return new StepResponse(plan)
  }
)
