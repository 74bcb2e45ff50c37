import "server-only"
import type { HttpTypes } from "@medusajs/types"
import { statusOf } from "../util/errors"
import { authHeaders } from "./cookies"
import { storeFetch } from "./fetch"

export const ORDER_FIELDS = [
  "*items",
  "*items.variant",
  "*shipping_address",
  "*billing_address",
  "*shipping_methods",
  "*payment_collections",
  "*payment_collections.payment_sessions",
  "*payment_collections.payments",
  "+payment_status",
  "+fulfillment_status",
  "+item_discount_total",
].join(",")

/** An order by id. Order ids are unguessable, which is what lets a guest see their own confirmation. */
export async function retrieveOrder(id: string): Promise<HttpTypes.StoreOrder | null> {
  try {
    const { order } = await storeFetch<{ order: HttpTypes.StoreOrder }>(`/store/orders/${encodeURIComponent(id)}`, {
      query: { fields: ORDER_FIELDS },
      headers: await authHeaders(),
    })
    return order
  } catch (error) {
    if (statusOf(error) === 404 || statusOf(error) === 400) {
      return null
    }
    throw error
  }
}

export async function listCustomerOrders(limit = 20, offset = 0): Promise<{ orders: HttpTypes.StoreOrder[]; count: number }> {
  return storeFetch<{ orders: HttpTypes.StoreOrder[]; count: number }>("/store/orders", {
    query: {
      limit,
      offset,
      order: "-created_at",
      fields: "id,display_id,status,created_at,total,currency_code,+payment_status,+fulfillment_status,items.id,items.quantity,items.title,items.thumbnail",
    },
    headers: await authHeaders(),
  })
}

/** The provider of the order's latest payment session (what the shopper chose to pay with). */
export function orderPaymentProvider(order: HttpTypes.StoreOrder): string | undefined {
  const sessions = (order.payment_collections ?? []).flatMap((pc) => pc.payment_sessions ?? [])
  const payments = (order.payment_collections ?? []).flatMap((pc) => pc.payments ?? [])
  return payments.at(-1)?.provider_id ?? sessions.at(-1)?.provider_id
}

export type OrderLifecycle = {
  status: string
  label: string
  description: string | null
  final: boolean
  allowed_next: string[]
  timeline: { status: string; at: string }[]
}

/** The order-rules plugin's view of a customer's own order (null when the plugin isn't there). */
export async function retrieveOrderLifecycle(orderId: string): Promise<OrderLifecycle | null> {
  try {
    const answer = await storeFetch<{
      order_lifecycle: Omit<OrderLifecycle, "timeline">
      timeline: { status: string; at: string }[]
    }>(`/store/customers/me/orders/${encodeURIComponent(orderId)}/lifecycle`, { headers: await authHeaders() })
    return { ...answer.order_lifecycle, timeline: answer.timeline ?? [] }
  } catch {
    return null
  }
}
