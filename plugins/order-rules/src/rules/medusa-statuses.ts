import type { FulfillmentStatus, PaymentStatus } from "@medusajs/framework/types"

// Groupings of Medusa 2.21's derived statuses, shared by guards, event mapping and
// contradiction checks so "captured" means the same thing everywhere.

/** Money has been taken and not fully given back. */
export const CAPTURED_PAYMENT: readonly PaymentStatus[] = [
  "captured",
  "partially_refunded",
]

/** Money is held or taken, so the customer has a claim if the order is cancelled. */
export const MONEY_HELD_PAYMENT: readonly PaymentStatus[] = [
  "authorized",
  "partially_authorized",
  "captured",
  "partially_captured",
  "partially_refunded",
]

/** At least one item has left the warehouse. */
export const ANY_SHIPPED_FULFILLMENT: readonly FulfillmentStatus[] = [
  "partially_shipped",
  "shipped",
  "partially_delivered",
  "delivered",
]

/** Every item has left the warehouse (Medusa aggregates delivery after shipping). */
export const ALL_SHIPPED_FULFILLMENT: readonly FulfillmentStatus[] = [
  "shipped",
  "partially_delivered",
  "delivered",
]

/** Items are packed (fulfillment created), whether or not they have shipped. */
export const FULFILLED_FULFILLMENT: readonly FulfillmentStatus[] = [
  "fulfilled",
  ...ALL_SHIPPED_FULFILLMENT,
  "partially_shipped",
]
