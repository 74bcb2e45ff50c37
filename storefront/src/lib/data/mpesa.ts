import "server-only"
import type { HttpTypes } from "@medusajs/types"
import { isMpesaStatus, type MpesaStatus } from "../mpesa"
import { statusOf } from "../util/errors"
import { storeFetch } from "./fetch"

/**
 * The payment's live state from the M-Pesa plugin. If that endpoint is missing
 * (an older backend), the order's own payment status stands in, so the page
 * still ends on "paid" once the payment is captured.
 */
export async function mpesaStatus(query: { order_id?: string; cart_id?: string }): Promise<MpesaStatus> {
  try {
    const status = await storeFetch<unknown>("/store/mpesa/status", { query })
    if (isMpesaStatus(status)) {
      return status
    }
  } catch (error) {
    if (statusOf(error) !== 404 || !query.order_id) {
      throw error
    }
  }
  return fromOrder(query.order_id!)
}

async function fromOrder(orderId: string): Promise<MpesaStatus> {
  const { order } = await storeFetch<{ order: HttpTypes.StoreOrder }>(`/store/orders/${encodeURIComponent(orderId)}`, {
    query: { fields: "id,total,+payment_status" },
  })
  const paid = ["captured", "authorized", "partially_captured"].includes(String(order.payment_status))
  return {
    status: paid ? "paid" : "pending",
    shopper_message: paid ? "We have your payment. Thank you!" : "Waiting for you to confirm the payment on your phone.",
    can_retry: false,
    amount_kes: order.total,
    order_id: order.id,
  }
}

export async function retryMpesa(body: { order_id?: string; cart_id?: string; phone?: string }): Promise<MpesaStatus> {
  const status = await storeFetch<unknown>("/store/mpesa/retry", { method: "POST", body })
  if (!isMpesaStatus(status)) {
    throw new Error("Unexpected answer from the M-Pesa retry endpoint")
  }
  return status
}
