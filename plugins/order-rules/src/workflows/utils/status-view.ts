import { allowedNextStates, type Actor, type NextStateOption } from "../../rules"
import type { OrderStatusContext } from "../steps/load-order-status-context"

/** What admin and store clients see of an order's status, for one kind of actor. */
export type OrderStatusView = {
  order_id: string
  status: string
  label: string
  description: string | null
  final: boolean
  version: number
  changed_at: string | null
  /** States this actor may move the order to right now (the legal buttons). */
  allowed_next: string[]
  /** Every transition this actor may ever trigger from here, with why it is blocked now. */
  next_states: {
    to: string
    label: string
    allowed: boolean
    blocked_by: string | null
    requires_reason: boolean
  }[]
  medusa: { status: string; payment_status: string; fulfillment_status: string }
}

export function toStatusView(context: OrderStatusContext, actor: Actor): OrderStatusView {
  const status = context.status ?? context.rule_set.initial
  const state = context.rule_set.states.find((s) => s.id === status)
  const options: NextStateOption[] = allowedNextStates(context.rule_set, status, actor, context.facts)
  return {
    order_id: context.order_id,
    status,
    label: state?.label ?? status,
    description: state?.description ?? null,
    final: state?.final === true,
    version: context.version,
    changed_at: context.changed_at,
    allowed_next: options.filter((o) => o.allowed).map((o) => o.to),
    next_states: options.map((o) => ({
      to: o.to,
      label: o.label,
      allowed: o.allowed,
      blocked_by: o.blockedBy ?? null,
      requires_reason: o.requiresReason,
    })),
    medusa: {
      status: context.facts.status,
      payment_status: context.facts.payment_status,
      fulfillment_status: context.facts.fulfillment_status,
    },
  }
}
