import type {
  FulfillmentStatus,
  OrderStatus,
  PaymentStatus,
} from "@medusajs/framework/types"

/** Who triggers a transition. The route derives it from auth, never from the request body. */
export const ACTORS = ["system", "admin", "customer"] as const
export type Actor = (typeof ACTORS)[number]

/** Guards are code, so a rule set can only name the built-in ones. */
export const GUARD_IDS = [
  "payment_captured",
  "payment_not_captured",
  "not_shipped",
  "fulfilled",
  "shipped",
  "delivered",
  "refund_recorded",
  "order_not_canceled_in_medusa",
] as const
export type GuardId = (typeof GUARD_IDS)[number]

export interface StateDefinition {
  id: string
  label: string
  /** A final state has no way out; every other state needs one. */
  final?: boolean
  description?: string
}

export interface TransitionDefinition {
  from: string
  to: string
  actors: Actor[]
  guards?: GuardId[]
  /**
   * Admins and customers must give a reason. The system is exempt: it always
   * records the Medusa event that triggered it.
   */
  requiresReason?: boolean
}

export interface RuleSet {
  initial: string
  states: StateDefinition[]
  transitions: TransitionDefinition[]
}

/** What guards may know about the Medusa order, read from its own fields. */
export interface OrderFacts {
  status: OrderStatus
  payment_status: PaymentStatus
  fulfillment_status: FulfillmentStatus
  has_unfulfilled_items?: boolean
}

export type GuardResult = { ok: true } | { ok: false; reason: string }

export type Guard = (facts: OrderFacts) => GuardResult
