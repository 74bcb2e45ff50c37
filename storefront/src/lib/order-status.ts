import type { HttpTypes } from "@medusajs/types"

type OrderLike = Pick<HttpTypes.StoreOrder, "status" | "payment_status" | "fulfillment_status">

/** One label for an order from Medusa's three statuses, in a shopper's words. */
export function orderStatusLabel(order: OrderLike): { label: string; tone: string } {
  if (order.status === "canceled") {
    return { label: "Cancelled", tone: "badge--soldout" }
  }
  switch (order.fulfillment_status) {
    case "delivered":
      return { label: "Delivered", tone: "badge--ok" }
    case "shipped":
    case "partially_shipped":
    case "partially_delivered":
      return { label: "On the way", tone: "badge--ok" }
    case "fulfilled":
    case "partially_fulfilled":
      return { label: "Packed", tone: "badge--ok" }
  }
  switch (order.payment_status) {
    case "captured":
    case "authorized":
    case "partially_captured":
      return { label: "Paid", tone: "badge--ok" }
    case "refunded":
    case "partially_refunded":
      return { label: "Refunded", tone: "" }
    case "canceled":
      return { label: "Payment cancelled", tone: "badge--soldout" }
    default:
      return { label: "Awaiting payment", tone: "badge--warn" }
  }
}
