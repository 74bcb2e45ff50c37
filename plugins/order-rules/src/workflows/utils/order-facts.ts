import {
  getLastFulfillmentStatus,
  getLastPaymentStatus,
} from "@medusajs/medusa/core-flows"
import { MathBN } from "@medusajs/framework/utils"
import type { FulfillmentStatus, PaymentStatus } from "@medusajs/framework/types"
import type { OrderFacts } from "../../rules"

/** What the status rules need to know about an order, read with query.graph. */
export const ORDER_FACT_FIELDS = [
  "id",
  "display_id",
  "email",
  "customer_id",
  "currency_code",
  "created_at",
  "status",
  "payment_collections.status",
  "payment_collections.amount",
  "payment_collections.captured_amount",
  "payment_collections.refunded_amount",
  "fulfillments.packed_at",
  "fulfillments.shipped_at",
  "fulfillments.delivered_at",
  "fulfillments.canceled_at",
  "items.id",
  "items.raw_quantity",
  "items.detail.raw_fulfilled_quantity",
]

export type OrderFactsRecord = {
  id: string
  display_id: number
  email: string | null
  customer_id: string | null
  created_at: string | Date
  status: OrderFacts["status"]
  currency_code: string
  payment_collections?: unknown[] | null
  fulfillments?: unknown[] | null
  items?: { raw_quantity?: unknown; detail?: { raw_fulfilled_quantity?: unknown } | null }[] | null
}

/** Medusa's own aggregation (as its order routes compute it), so we never disagree with admin. */
export function factsFromOrder(order: OrderFactsRecord): OrderFacts {
  const aggregated = {
    ...order,
    payment_collections: order.payment_collections ?? [],
    fulfillments: order.fulfillments ?? [],
    items: order.items ?? [],
  }
  return {
    status: order.status,
    payment_status: getLastPaymentStatus(aggregated as never) as PaymentStatus,
    fulfillment_status: getLastFulfillmentStatus(aggregated as never) as FulfillmentStatus,
    has_unfulfilled_items: (order.items ?? []).some((item) => {
      const fulfilled = item.detail?.raw_fulfilled_quantity
      return (
        fulfilled !== undefined &&
        item.raw_quantity !== undefined &&
        MathBN.lt(fulfilled as never, item.raw_quantity as never)
      )
    }),
  }
}
