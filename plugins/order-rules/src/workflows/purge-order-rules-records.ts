import { createStep, createWorkflow, StepResponse, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { ORDER_RULES_MODULE } from "../modules/order-rules"
import type OrderRulesModuleService from "../modules/order-rules/service"

export const purgeOrderRulesRecordsStepId = "purge-order-rules-records"

/** Deletes expired rate-limit windows and day-old timer runs that changed nothing. Nothing to undo. */
export const purgeOrderRulesRecordsStep = createStep(
  purgeOrderRulesRecordsStepId,
  async (input: { now?: string }, { container }) => {
    const service = container.resolve<OrderRulesModuleService>(ORDER_RULES_MODULE)
    return new StepResponse(await service.purgeExpiredRecords(new Date(input.now ?? Date.now())))
  }
)

export const purgeOrderRulesRecordsWorkflowId = "purge-order-rules-records"

/** Housekeeping for the plugin's own tables. */
export const purgeOrderRulesRecordsWorkflow = createWorkflow(
  purgeOrderRulesRecordsWorkflowId,
  (input: { now?: string }) => new WorkflowResponse(purgeOrderRulesRecordsStep(input))
)
