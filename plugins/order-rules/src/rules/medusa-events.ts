import { evaluateTransition, type TransitionEvaluation } from "./evaluate-transition"
import { EVIDENCE_GUARDS } from "./guards"
import { ALL_SHIPPED_FULFILLMENT, CAPTURED_PAYMENT } from "./medusa-statuses"
import type { OrderFacts, RuleSet, TransitionDefinition } from "./types"

export { contradictsMedusa } from "./contradicts-medusa"

/** Medusa events that move an order's status. */
export const ORDER_STATUS_EVENTS = {
  paymentCaptured: "payment.captured",
  // Medusa 2.21 emits no failure event (its webhook subscriber drops failed
  // actions), so payment providers of this project emit this one themselves.
  paymentFailed: "payment.failed",
  fulfillmentCreated: "order.fulfillment_created",
  shipmentCreated: "shipment.created",
  deliveryCreated: "delivery.created",
  orderCanceled: "order.canceled",
  paymentRefunded: "payment.refunded",
} as const

type EventRule = (facts: OrderFacts) => string | undefined

// Events carry only ids, so each rule re-reads the facts: a partial capture,
// partial shipment or partial refund leaves the status where it is.
const EVENT_RULES: Record<string, EventRule> = {
  [ORDER_STATUS_EVENTS.paymentCaptured]: (f) =>
    CAPTURED_PAYMENT.includes(f.payment_status) ? "paid" : undefined,
  [ORDER_STATUS_EVENTS.paymentFailed]: (f) =>
    CAPTURED_PAYMENT.includes(f.payment_status) ? undefined : "payment_failed",
  [ORDER_STATUS_EVENTS.fulfillmentCreated]: () => "processing",
  [ORDER_STATUS_EVENTS.shipmentCreated]: (f) =>
    ALL_SHIPPED_FULFILLMENT.includes(f.fulfillment_status)
      ? "shipped"
      : undefined,
  [ORDER_STATUS_EVENTS.deliveryCreated]: (f) =>
    f.fulfillment_status === "delivered" ? "delivered" : undefined,
  [ORDER_STATUS_EVENTS.orderCanceled]: (f) =>
    f.status === "canceled" ? "cancelled" : undefined,
  [ORDER_STATUS_EVENTS.paymentRefunded]: (f) =>
    f.payment_status === "refunded" ? "refunded" : undefined,
}

/** The status a Medusa event points to, or undefined when it implies no change. */
export function statusForEvent(
  eventName: string,
  facts: OrderFacts
): string | undefined {
  return EVENT_RULES[eventName]?.(facts)
}

export type EventTransitionPlan =
  | { kind: "none"; reason: string }
  | { kind: "transition"; target: string; steps: { from: string; to: string }[] }
  | {
      kind: "blocked"
      target: string
      evaluation: Exclude<TransitionEvaluation, { allowed: true }>
    }

/**
 * What the system should do with an event for an order in `from`. When Medusa is
 * ahead of us (a missed or reordered event), it walks the shortest path whose
 * intermediate steps Medusa's facts prove happened; "blocked" is normal for late
 * or duplicate events and should be logged, not raised.
 */
export function planEventTransition(
  ruleSet: RuleSet,
  input: { from: string; eventName: string; facts: OrderFacts }
): EventTransitionPlan {
  const { from, eventName, facts } = input
  const target = statusForEvent(eventName, facts)
  if (target === undefined) {
    return { kind: "none", reason: `${eventName} implies no status change` }
  }
  if (!ruleSet.states.some((s) => s.id === target)) {
    return { kind: "none", reason: `this rule set has no "${target}" state` }
  }
  if (from === target) {
    return { kind: "none", reason: `the order is already "${target}"` }
  }
  const evaluate = (step: { from: string; to: string }) =>
    evaluateTransition(ruleSet, {
      ...step,
      actor: "system",
      facts,
      reason: eventName,
    })
  const direct = evaluate({ from, to: target })
  if (direct.allowed) {
    return { kind: "transition", target, steps: [{ from, to: target }] }
  }
  const path = shortestPath(ruleSet, from, target, (t) => evaluate(t).allowed)
  if (path !== undefined) {
    return { kind: "transition", target, steps: path }
  }
  return { kind: "blocked", target, evaluation: direct }
}

// Intermediate steps must be proven by Medusa's facts (an evidence guard) and need
// no human reason, so a refund never silently passes through "returned".
function isEvidenceStep(t: TransitionDefinition): boolean {
  return (
    t.requiresReason !== true &&
    (t.guards ?? []).some((g) => EVIDENCE_GUARDS.includes(g))
  )
}

function shortestPath(
  ruleSet: RuleSet,
  from: string,
  target: string,
  allowed: (t: TransitionDefinition) => boolean
): { from: string; to: string }[] | undefined {
  const queue: { at: string; steps: { from: string; to: string }[] }[] = [
    { at: from, steps: [] },
  ]
  const visited = new Set([from])
  while (queue.length > 0) {
    const { at, steps } = queue.shift() as (typeof queue)[number]
    for (const t of ruleSet.transitions) {
      if (t.from !== at || !allowed(t)) {
        continue
      }
      const next = [...steps, { from: t.from, to: t.to }]
      if (t.to === target) {
        return next
      }
      if (!visited.has(t.to) && isEvidenceStep(t)) {
        visited.add(t.to)
        queue.push({ at: t.to, steps: next })
      }
    }
  }
  return undefined
}
