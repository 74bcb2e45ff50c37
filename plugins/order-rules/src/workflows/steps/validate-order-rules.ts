import { MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { ORDER_RULES_MODULE } from "../../modules/order-rules"
import type OrderRulesModuleService from "../../modules/order-rules/service"
import type { RuleSet } from "../../rules"
import { checkRuleSetUpdate } from "../utils/check-rule-set-update"

export type ValidateOrderRulesStepInput = {
  /** The full rule set to put in force; null = back to the plugin's defaults and options. */
  rule_set: unknown | null
  /** The version the admin edited; a newer save in between is refused. */
  expected_version?: number
  /** Only report, never throw (the admin's "Validate" button). */
  dry_run?: boolean
}

export type ValidateOrderRulesResult = {
  valid: boolean
  errors: string[]
  rule_set: RuleSet | null
  current_version: number
}

/** An error that carries every problem of a rule set (each names its state or transition). */
export type RuleSetRejectedError = MedusaError & { errors: string[]; stale_version?: boolean }

export const validateOrderRulesStepId = "validate-order-rules"

/** Checks a rule set before it is saved; throws INVALID_DATA listing every problem. */
export const validateOrderRulesStep = createStep(
  validateOrderRulesStepId,
  async (input: ValidateOrderRulesStepInput, { container }) => {
    const service = container.resolve<OrderRulesModuleService>(ORDER_RULES_MODULE)
    const [active, inUse] = await Promise.all([service.getActiveRuleSet(), service.countOrdersByStatus()])
    const candidate = input.rule_set ?? service.getOptions().ruleSet
    const check = checkRuleSetUpdate(candidate, inUse)
    const result: ValidateOrderRulesResult = {
      valid: check.ok,
      errors: check.ok ? [] : check.errors,
      rule_set: check.ok ? check.rule_set : null,
      current_version: active.version,
    }
    if (input.dry_run) {
      return new StepResponse(result)
    }
    if (input.expected_version !== undefined && input.expected_version !== active.version) {
      const error = new MedusaError(
        MedusaError.Types.NOT_ALLOWED,
        `The rules were changed by someone else (now version ${active.version}, you edited version ${input.expected_version}). Reload and try again.`
      ) as RuleSetRejectedError
      error.errors = []
      error.stale_version = true
      throw error
    }
    if (!check.ok) {
      const error = new MedusaError(
        MedusaError.Types.INVALID_DATA,
        `Invalid rule set: ${check.errors.join("; ")}`
      ) as RuleSetRejectedError
      error.errors = check.errors
      throw error
    }
    return new StepResponse(result)
  }
)
