import { checkGuards } from "./guards"
import type { Actor, OrderFacts, RuleSet } from "./types"

export interface NextStateOption {
  to: string
  label: string
  /** false when a guard blocks it right now; the button should show blockedBy. */
  allowed: boolean
  blockedBy?: string
  requiresReason: boolean
}

/**
 * The transitions this actor may trigger from a state, in the rule set's state
 * order. Transitions the actor may never trigger are left out entirely.
 */
export function allowedNextStates(
  ruleSet: RuleSet,
  from: string,
  actor: Actor,
  facts: OrderFacts
): NextStateOption[] {
  const order = new Map(ruleSet.states.map((s, index) => [s.id, index]))
  return ruleSet.transitions
    .filter((t) => t.from === from && t.actors.includes(actor))
    .sort((a, b) => (order.get(a.to) ?? 0) - (order.get(b.to) ?? 0))
    .map((t) => {
      const label = ruleSet.states.find((s) => s.id === t.to)?.label ?? t.to
      const requiresReason = requiresReasonFor(t.requiresReason, actor)
      const guard = checkGuards(t.guards, facts)
      if (guard.ok) {
        return { to: t.to, label, allowed: true, requiresReason }
      }
      return {
        to: t.to,
        label,
        allowed: false,
        blockedBy: guard.reason,
        requiresReason,
      }
    })
}

/** The system is exempt: it records the Medusa event that moved the order. */
export function requiresReasonFor(
  requiresReason: boolean | undefined,
  actor: Actor
): boolean {
  return requiresReason === true && actor !== "system"
}
