import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { validateOrderRulesStep } from "./steps/validate-order-rules"

export const validateOrderRulesWorkflowId = "validate-order-rules"

/** Reports every problem of a candidate rule set without saving it (the admin's "Validate"). */
export const validateOrderRulesWorkflow = createWorkflow(
  validateOrderRulesWorkflowId,
  (input: { rule_set: unknown }) =>
    new WorkflowResponse(validateOrderRulesStep({ rule_set: input.rule_set, dry_run: true }))
)
