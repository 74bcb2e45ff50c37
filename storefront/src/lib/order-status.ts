import type { HttpTypes } from "@medusajs/types"

type OrderLike = Pick<HttpTypes.StoreOrder, "status" | "payment_status" | "fulfillment_status">

export type OrderStatusKey = "cancelled" | "delivered" | "onTheWay" | "packed" | "paid" | "refunded" | "paymentCancelled" | "awaitingPayment"

/** One status for an order from Medusa's three, as a message key (`orderStatus.<key>`: in a shopper's words). */
export function orderStatusLabel(order: OrderLike): { key: OrderStatusKey; tone: string } {
  if (order.status === "canceled") {
    return { key: "cancelled", tone: "badge--soldout" }
  }
  switch (order.fulfillment_status) {
    case "delivered":
      return { key: "delivered", tone: "badge--ok" }
    case "shipped":
    case "partially_shipped":
    case "partially_delivered":
      return { key: "onTheWay", tone: "badge--ok" }
    case "fulfilled":
    case "partially_fulfilled":
      return { key: "packed", tone: "badge--ok" }
  }
  switch (order.payment_status) {
    case "captured":
    case "authorized":
    case "partially_captured":
      return { key: "paid", tone: "badge--ok" }
    case "refunded":
    case "partially_refunded":
      return { key: "refunded", tone: "" }
    case "canceled":
      return { key: "paymentCancelled", tone: "badge--soldout" }
    default:
      return { key: "awaitingPayment", tone: "badge--warn" }
  }
}
