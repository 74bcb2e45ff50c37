import { acquireLockStep, emitEventStep, releaseLockStep } from "@medusajs/medusa/core-flows"
import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { saveOrderRulesStep } from "./steps/save-order-rules"
import { validateOrderRulesStep } from "./steps/validate-order-rules"

export type UpdateOrderRulesWorkflowInput = {
  /** The full rule set; null resets to the plugin's defaults and options. */
  rule_set: unknown | null
  expected_version?: number
  actor_id?: string | null
}

export const ORDER_RULES_UPDATED_EVENT = "order_rules.updated"

export const updateOrderRulesWorkflowId = "update-order-rules"

/**
 * Saves the order-status rules edited in admin, after validation (shape,
 * unreachable states, dead ends, states still in use, concurrent edits).
 */
export const updateOrderRulesWorkflow = createWorkflow(
  updateOrderRulesWorkflowId,
  (input: UpdateOrderRulesWorkflowInput) => {
    acquireLockStep({ key: "order-rules:rules", timeout: 10, ttl: 30 })
    const checked = validateOrderRulesStep({ rule_set: input.rule_set, expected_version: input.expected_version })
    const saved = saveOrderRulesStep(
      transform({ input, checked }, ({ input, checked }) => ({
        // A reset stores null, so later changes to the plugin options apply again.
        rule_set: input.rule_set === null ? null : checked.rule_set,
        version: checked.current_version + 1,
        created_by: input.actor_id ?? null,
      }))
    )
    emitEventStep({
      eventName: ORDER_RULES_UPDATED_EVENT,
      data: transform({ saved }, ({ saved }) => ({ id: saved.id, version: saved.version })),
    })
    releaseLockStep({ key: "order-rules:rules" })
    return new WorkflowResponse(
      transform({ saved, checked }, ({ saved, checked }) => ({
        version: saved.version,
        source: saved.rule_set === null ? ("plugin" as const) : ("admin" as const),
        rule_set: checked.rule_set,
      }))
    )
  }
)
