import { validateRuleSet, type RuleSet } from "../../rules"

export type RuleSetCheck = { ok: true; rule_set: RuleSet } | { ok: false; errors: string[] }

/**
 * Validates a rule set an admin wants to put in force: shape and graph (no
 * unreachable state, no non-final dead end…), and no state dropped while
 * orders are in it (they would be stranded).
 */
export function checkRuleSetUpdate(candidate: unknown, ordersByStatus: Record<string, number>): RuleSetCheck {
  const result = validateRuleSet(candidate)
  if (!result.ok) {
    return { ok: false, errors: result.errors }
  }
  const kept = new Set(result.ruleSet.states.map((s) => s.id))
  const stranded = Object.entries(ordersByStatus)
    .filter(([status, count]) => count > 0 && !kept.has(status))
    .map(([status, count]) => `state "${status}" cannot be removed: ${count} order(s) are in it`)
  if (stranded.length > 0) {
    return { ok: false, errors: stranded }
  }
  return { ok: true, rule_set: result.ruleSet }
}
