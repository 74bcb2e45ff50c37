import type { StatusChangeInput } from "../../modules/order-rules/types"
import { ORDER_STATUS_EVENTS, planEventTransition } from "../../rules"
import { FULFILLED_FULFILLMENT } from "../../rules/medusa-statuses"
import type { OrderStatusContext } from "../steps/load-order-status-context"
import { backfillPlacement } from "./backfill-placement"

export const ORDER_PLACED_EVENT = "order.placed"

export type EventChangesPlan = {
  changes: StatusChangeInput[]
  /** Why the event itself moved nothing ("already paid", a guard's message…), for the log. */
  notes: string[]
}

/**
 * Events whose effect can be read back from Medusa's facts, in lifecycle order.
 * After any event the order catches up on them, so a missed, late or
 * reordered event (or one Medusa never emits, like the refund inside its
 * cancel) still leaves the status agreeing with Medusa.
 */
const CATCH_UP: { event: string; happened: (context: OrderStatusContext) => boolean }[] = [
  { event: ORDER_STATUS_EVENTS.orderCanceled, happened: () => true },
  { event: ORDER_STATUS_EVENTS.paymentCaptured, happened: () => true },
  {
    event: ORDER_STATUS_EVENTS.fulfillmentCreated,
    // The engine maps this event to "processing" without looking at facts.
    happened: (c) => FULFILLED_FULFILLMENT.includes(c.facts.fulfillment_status),
  },
  { event: ORDER_STATUS_EVENTS.shipmentCreated, happened: () => true },
  { event: ORDER_STATUS_EVENTS.deliveryCreated, happened: () => true },
  { event: ORDER_STATUS_EVENTS.paymentRefunded, happened: () => true },
]

/**
 * The system's changes for one Medusa event: placement records the initial
 * state; then the event itself, preceded by "cancelled" when Medusa already
 * canceled the order and followed by whatever Medusa's facts show happened
 * since. Steps implied by facts keep the real event as their source.
 */
export function planEventChanges(context: OrderStatusContext, eventName: string): EventChangesPlan {
  if (eventName === ORDER_PLACED_EVENT && context.status !== null) {
    return { changes: [], notes: ["the order already has a status"] }
  }
  const changes = backfillPlacement(context).map((change) => ({
    ...change,
    source: eventName === ORDER_PLACED_EVENT ? `event:${ORDER_PLACED_EVENT}` : change.source,
  }))
  const notes: string[] = []
  const sequence = [
    ...(context.facts.status === "canceled" ? [ORDER_STATUS_EVENTS.orderCanceled] : []),
    eventName,
    ...CATCH_UP.filter((c) => c.happened(context)).map((c) => c.event),
  ].filter((name, index, all) => all.indexOf(name) === index)

  let from = context.status ?? context.rule_set.initial
  for (const name of sequence) {
    const plan = planEventTransition(context.rule_set, { from, eventName: name, facts: context.facts })
    if (plan.kind === "transition") {
      for (const step of plan.steps) {
        changes.push({
          from_status: step.from,
          to_status: step.to,
          actor: "system",
          reason: name === eventName ? `Medusa event ${name}` : `Medusa event ${eventName} (Medusa shows ${name})`,
          source: `event:${eventName}`,
        })
      }
      from = plan.target
    } else if (name === eventName) {
      notes.push(`${name}: ${plan.kind === "none" ? plan.reason : plan.evaluation.message}`)
    }
  }
  return { changes, notes }
}
