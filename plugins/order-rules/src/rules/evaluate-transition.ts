import { allowedNextStates, requiresReasonFor } from "./allowed-next-states"
import { checkGuards } from "./guards"
import { ACTORS, type Actor, type OrderFacts, type RuleSet } from "./types"

export interface TransitionRequest {
  from: string
  to: string
  actor: Actor
  facts: OrderFacts
  reason?: string
}

export type TransitionDenialCode =
  | "unknown_state"
  | "not_allowed"
  | "actor_forbidden"
  | "guard_failed"
  | "reason_required"
  | "same_state"

export type TransitionEvaluation =
  | { allowed: true }
  | {
      allowed: false
      code: TransitionDenialCode
      message: string
      /** States this actor could move the order to right now. */
      allowedNext: string[]
    }

/** Decides whether an order may move between two states; denials say where it can go instead. */
export function evaluateTransition(
  ruleSet: RuleSet,
  request: TransitionRequest
): TransitionEvaluation {
  const { from, to, actor, facts, reason } = request
  const stateIds = ruleSet.states.map((s) => s.id)
  const unknown = [from, to].find((id) => !stateIds.includes(id))
  // Actors normally come from auth, but a forged one must not slip through as "system".
  const knownActor = (ACTORS as readonly string[]).includes(actor)
  const allowedNext =
    stateIds.includes(from) && knownActor
      ? allowedNextStates(ruleSet, from, actor, facts)
          .filter((option) => option.allowed)
          .map((option) => option.to)
      : []
  const deny = (code: TransitionDenialCode, problem: string) => ({
    allowed: false as const,
    code,
    message: `${problem} ${describeNext(actor, allowedNext)}`,
    allowedNext,
  })

  if (unknown !== undefined) {
    return {
      allowed: false,
      code: "unknown_state",
      message: `Unknown order status "${unknown}". Known statuses: ${stateIds.join(", ")}.`,
      allowedNext,
    }
  }
  if (!knownActor) {
    return {
      allowed: false,
      code: "actor_forbidden",
      message: `Unknown actor "${actor}" (expected one of ${ACTORS.join(", ")}).`,
      allowedNext,
    }
  }
  if (from === to) {
    return deny("same_state", `The order is already "${to}".`)
  }
  const transition = ruleSet.transitions.find(
    (t) => t.from === from && t.to === to
  )
  const cannot = `Cannot move order from "${from}" to "${to}".`
  if (transition === undefined) {
    return deny("not_allowed", cannot)
  }
  if (!transition.actors.includes(actor)) {
    return deny(
      "actor_forbidden",
      `${cannot} Only ${transition.actors.join(" or ")} may do that.`
    )
  }
  const guard = checkGuards(transition.guards, facts)
  if (!guard.ok) {
    return deny("guard_failed", `${cannot} ${guard.reason}`)
  }
  if (requiresReasonFor(transition.requiresReason, actor) && !reason?.trim()) {
    return deny(
      "reason_required",
      `A reason is required to move order from "${from}" to "${to}".`
    )
  }
  return { allowed: true }
}

function describeNext(actor: string, allowedNext: string[]): string {
  if (allowedNext.length === 0) {
    return `No next states are allowed for ${actor} right now.`
  }
  return `Allowed next states for ${actor}: ${allowedNext.join(", ")}.`
}
