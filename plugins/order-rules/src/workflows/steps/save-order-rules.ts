import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { ORDER_RULES_MODULE } from "../../modules/order-rules"
import type OrderRulesModuleService from "../../modules/order-rules/service"
import type { RuleSet } from "../../rules"

export type SaveOrderRulesStepInput = {
  /** null: back to the plugin's defaults and options. */
  rule_set: RuleSet | null
  version: number
  created_by?: string | null
}

export const saveOrderRulesStepId = "save-order-rules"

/** Puts a validated rule set in force as the next version (earlier versions stay for the record). */
export const saveOrderRulesStep = createStep(
  saveOrderRulesStepId,
  async (input: SaveOrderRulesStepInput, { container }) => {
    const service = container.resolve<OrderRulesModuleService>(ORDER_RULES_MODULE)
    const saved = await service.createOrderRuleSets({
      version: input.version,
      rule_set: input.rule_set as unknown as Record<string, unknown> | null,
      created_by: input.created_by ?? null,
    })
    return new StepResponse(saved, saved.id)
  },
  async (id, { container }) => {
    if (id) {
      await container.resolve<OrderRulesModuleService>(ORDER_RULES_MODULE).deleteOrderRuleSets(id)
    }
  }
)
