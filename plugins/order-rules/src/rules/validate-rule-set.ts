import { checkRuleSetGraph } from "./check-rule-set-graph"
import { formatIssues, ruleSetSchema } from "./rule-set-schema"
import type { RuleSet } from "./types"

export type ValidateRuleSetResult =
  | { ok: true; ruleSet: RuleSet }
  | { ok: false; errors: string[] }

/**
 * Checks a rule set from plugin options, the admin or the defaults: shape first,
 * then the graph (unknown references, unreachable states, dead ends).
 */
export function validateRuleSet(input: unknown): ValidateRuleSetResult {
  const parsed = ruleSetSchema.safeParse(input)
  if (!parsed.success) {
    return { ok: false, errors: formatIssues(parsed.error.issues) }
  }
  const errors = checkRuleSetGraph(parsed.data)
  if (errors.length > 0) {
    return { ok: false, errors }
  }
  // The graph checks proved every actor and guard is a known literal.
  return { ok: true, ruleSet: parsed.data as RuleSet }
}
