import type {
  FulfillmentStatus,
  OrderStatus,
  PaymentStatus,
} from "@medusajs/framework/types"
import type { OrderFacts } from "../types"

/** A freshly placed, unpaid order; override what the case is about. */
export function facts(overrides: Partial<OrderFacts> = {}): OrderFacts {
  return {
    status: "pending",
    payment_status: "not_paid",
    fulfillment_status: "not_fulfilled",
    ...overrides,
  }
}

export const ORDER_STATUSES: OrderStatus[] = [
  "pending",
  "completed",
  "draft",
  "archived",
  "canceled",
  "requires_action",
]

export const PAYMENT_STATUSES: PaymentStatus[] = [
  "not_paid",
  "awaiting",
  "authorized",
  "partially_authorized",
  "captured",
  "partially_captured",
  "partially_refunded",
  "refunded",
  "canceled",
  "requires_action",
]

export const FULFILLMENT_STATUSES: FulfillmentStatus[] = [
  "not_fulfilled",
  "partially_fulfilled",
  "fulfilled",
  "partially_shipped",
  "shipped",
  "partially_delivered",
  "delivered",
  "canceled",
]

/** Every combination of Medusa's three statuses, for exhaustive searches. */
export const ALL_FACTS: OrderFacts[] = ORDER_STATUSES.flatMap((status) =>
  PAYMENT_STATUSES.flatMap((payment_status) =>
    FULFILLMENT_STATUSES.map((fulfillment_status) => ({
      status,
      payment_status,
      fulfillment_status,
    }))
  )
)

export const PAID = facts({ payment_status: "captured" })
export const SHIPPED = facts({
  payment_status: "captured",
  fulfillment_status: "shipped",
})
export const DELIVERED = facts({
  payment_status: "captured",
  fulfillment_status: "delivered",
})
