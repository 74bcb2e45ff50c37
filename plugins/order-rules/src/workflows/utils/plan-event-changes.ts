import type { StatusChangeInput } from "../../modules/order-rules/types"
import { ORDER_STATUS_EVENTS, planEventTransition } from "../../rules"
import type { OrderStatusContext } from "../steps/load-order-status-context"
import { backfillPlacement } from "./backfill-placement"

export const ORDER_PLACED_EVENT = "order.placed"

export type EventChangesPlan = {
  changes: StatusChangeInput[]
  /** Why an event moved nothing ("already paid", a guard's message…), for the log. */
  notes: string[]
}

/**
 * The system's changes for one Medusa event. Events carry ids only and can be
 * late, repeated or reordered, so the plan follows Medusa's facts:
 * - placement records the initial state, then catches up on a payment captured
 *   before the order existed;
 * - an order already canceled in Medusa passes through "cancelled" first, so a
 *   refund after a cancel reads paid → cancelled → refunded whichever event
 *   arrives first;
 * - a cancel also looks for a refund: Medusa's cancel refunds captured payments
 *   without emitting payment.refunded.
 * Steps implied by another event keep the real event as their source.
 */
export function planEventChanges(context: OrderStatusContext, eventName: string): EventChangesPlan {
  const changes = backfillPlacement(context)
  const notes: string[] = []
  let eventsToApply: string[]
  if (eventName === ORDER_PLACED_EVENT) {
    if (context.status !== null) {
      return { changes: [], notes: ["the order already has a status"] }
    }
    eventsToApply = [ORDER_STATUS_EVENTS.orderCanceled, ORDER_STATUS_EVENTS.paymentCaptured]
    changes.forEach((change) => {
      change.source = `event:${ORDER_PLACED_EVENT}`
    })
  } else if (eventName === ORDER_STATUS_EVENTS.orderCanceled) {
    eventsToApply = [eventName, ORDER_STATUS_EVENTS.paymentRefunded]
  } else if (context.facts.status === "canceled") {
    eventsToApply = [ORDER_STATUS_EVENTS.orderCanceled, eventName]
  } else {
    eventsToApply = [eventName]
  }

  let from = context.status ?? context.rule_set.initial
  for (const name of eventsToApply) {
    const plan = planEventTransition(context.rule_set, { from, eventName: name, facts: context.facts })
    if (plan.kind === "transition") {
      for (const step of plan.steps) {
        changes.push({
          from_status: step.from,
          to_status: step.to,
          actor: "system",
          reason: name === eventName ? `Medusa event ${name}` : `Medusa event ${eventName} (implies ${name})`,
          source: `event:${eventName}`,
        })
      }
      from = plan.target
    } else {
      notes.push(`${name}: ${plan.kind === "none" ? plan.reason : plan.evaluation.message}`)
    }
  }
  return { changes, notes }
}
