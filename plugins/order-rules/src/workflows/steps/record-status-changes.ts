import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { ORDER_RULES_MODULE } from "../../modules/order-rules"
import type OrderRulesModuleService from "../../modules/order-rules/service"
import type { RecordStatusChangesInput, RecordStatusChangesResult } from "../../modules/order-rules/types"

export type RecordStatusChangesStepInput = RecordStatusChangesInput

export const recordStatusChangesStepId = "record-status-changes"

/**
 * Moves the lifecycle and appends the history (nothing to do for an empty plan).
 * Compensation removes exactly these entries: a rolled-back change never happened.
 */
export const recordStatusChangesStep = createStep(
  recordStatusChangesStepId,
  async (input: RecordStatusChangesStepInput, { container }) => {
    if (input.changes.length === 0) {
      return new StepResponse<RecordStatusChangesResult | null, null>(null, null)
    }
    const service = container.resolve<OrderRulesModuleService>(ORDER_RULES_MODULE)
    const recorded = await service.recordStatusChanges(input)
    return new StepResponse<RecordStatusChangesResult | null, RecordStatusChangesResult | null>(
      recorded,
      recorded
    )
  },
  async (recorded, { container }) => {
    if (!recorded) {
      return
    }
    const service = container.resolve<OrderRulesModuleService>(ORDER_RULES_MODULE)
    await service.revertStatusChanges({
      order_id: recorded.lifecycle.order_id,
      change_ids: recorded.changes.map((c) => c.id),
      previous: recorded.previous,
    })
  }
)
