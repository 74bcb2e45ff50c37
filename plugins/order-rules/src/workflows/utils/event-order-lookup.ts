import { ORDER_STATUS_EVENTS } from "../../rules"

export type OrderEventData = Record<string, unknown>

export type EventOrderLookup =
  | { kind: "order"; id: string }
  | { kind: "query"; entity: string; id: string; path: string }

const ORDER_PLACED = "order.placed"

/** Every event the plugin reacts to: placement plus the engine's status events. */
export const SUBSCRIBED_EVENTS = [ORDER_PLACED, ...Object.values(ORDER_STATUS_EVENTS)]

const byPayment = (id: string): EventOrderLookup => ({
  kind: "query",
  entity: "payment",
  id,
  path: "payment_collection.order.id",
})

const byFulfillment = (id: string): EventOrderLookup => ({
  kind: "query",
  entity: "fulfillment",
  id,
  path: "order.id",
})

/**
 * How to find the order of an event, from its payload as Medusa 2.21 emits it.
 * `payment.failed` is emitted by payment plugins, so it accepts an order id, a
 * payment id, a payment collection id or a payment session id.
 */
export function orderIdQueryForEvent(
  eventName: string,
  data: OrderEventData
): EventOrderLookup | undefined {
  const str = (key: string) => (typeof data?.[key] === "string" ? (data[key] as string) : undefined)
  switch (eventName) {
    case ORDER_PLACED:
    case ORDER_STATUS_EVENTS.orderCanceled:
      return str("id") ? { kind: "order", id: str("id") as string } : undefined
    case ORDER_STATUS_EVENTS.fulfillmentCreated:
      return str("order_id") ? { kind: "order", id: str("order_id") as string } : undefined
    case ORDER_STATUS_EVENTS.shipmentCreated:
    case ORDER_STATUS_EVENTS.deliveryCreated:
      return str("id") ? byFulfillment(str("id") as string) : undefined
    case ORDER_STATUS_EVENTS.paymentCaptured:
    case ORDER_STATUS_EVENTS.paymentRefunded:
      return str("id") ? byPayment(str("id") as string) : undefined
    case ORDER_STATUS_EVENTS.paymentFailed:
      return paymentFailedLookup(str)
    default:
      return undefined
  }
}

function paymentFailedLookup(str: (key: string) => string | undefined): EventOrderLookup | undefined {
  if (str("order_id")) {
    return { kind: "order", id: str("order_id") as string }
  }
  const paymentId = str("payment_id") ?? str("id")
  if (paymentId) {
    return byPayment(paymentId)
  }
  if (str("payment_collection_id")) {
    return { kind: "query", entity: "payment_collection", id: str("payment_collection_id") as string, path: "order.id" }
  }
  if (str("payment_session_id")) {
    return {
      kind: "query",
      entity: "payment_session",
      id: str("payment_session_id") as string,
      path: "payment_collection.order.id",
    }
  }
  return undefined
}
