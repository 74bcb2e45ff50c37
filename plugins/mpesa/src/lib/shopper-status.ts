import type { MpesaSessionData } from "../providers/mpesa/session-data"
import { maskMsisdn, PAID_MESSAGE, PENDING_MESSAGE } from "../providers/mpesa/session-data"
import { shopperMessageKey } from "../utils/result-codes"

export type ShopperStatus = {
  status: "pending" | "paid" | "failed" | "cancelled" | "expired"
  shopper_message: string
  /**
   * Names `shopper_message` for a storefront that says it in the shopper's own
   * language: paid, pending, review, sent_back, failed, or code_<ResultCode>.
   */
  message_key: string
  reason?: string
  receipt?: string
  amount_kes?: number
  phone_masked?: string
  can_retry: boolean
  order_id?: string
  /** For the cart's holder once the cart is an order: the proof to put in the order page link. */
  order_token?: string
}

type RequestLike = {
  status: string
  shopper_message?: string | null
  result_code?: string | null
  result_desc?: string | null
  receipt_number?: string | null
  amount_kes: number
  phone: string
} | undefined

/** What a shopper whose payment the merchant must look at sees: never an invitation to pay again. */
export const REVIEW_MESSAGE =
  "We are checking this M-Pesa payment with the shop. Please do not pay again: the shop will confirm your order or refund you."

/** What a shopper whose payment the merchant sent back from review sees. */
export const SENT_BACK_MESSAGE = "The shop is sending this M-Pesa payment back to your phone. You can pay again if you still want the order."

/**
 * What the storefront shows, from the ledger row when there is one (it is
 * settled first), else from the session data. No credentials, no raw callback.
 * A payment in the merchant's review queue shows as pending (money may have
 * left the phone), with its own message and no retry.
 */
export function shopperStatus(data: MpesaSessionData | null, request: RequestLike, orderId?: string): ShopperStatus {
  const inReview = request?.status === "review"
  // Sent back from review: to the shopper this payment is over, not paid.
  const sentBack = request?.status === "refunded"
  const status = (
    inReview ? "pending" : sentBack ? "cancelled" : request?.status ?? data?.status ?? "pending"
  ) as ShopperStatus["status"]
  const message = inReview
    ? REVIEW_MESSAGE
    : sentBack
      ? SENT_BACK_MESSAGE
      : status === "paid"
      ? PAID_MESSAGE
      : status === "pending"
        ? PENDING_MESSAGE
        : request?.shopper_message ?? data?.shopper_message ?? "The M-Pesa payment did not go through. You can try again."
  const key = inReview
    ? "review"
    : sentBack
      ? "sent_back"
      : status === "paid" || status === "pending"
        ? status
        : shopperMessageKey(request?.result_code ?? data?.result_code)
  return {
    status,
    shopper_message: message,
    message_key: key,
    ...(status !== "paid" && status !== "pending" && (data?.reason || request?.result_desc)
      ? { reason: data?.reason ?? request?.result_desc ?? undefined }
      : {}),
    ...(request?.receipt_number ? { receipt: request.receipt_number } : {}),
    amount_kes: request?.amount_kes ?? data?.amount_kes,
    phone_masked: request ? maskMsisdn(request.phone) : data?.phone_masked,
    can_retry: status !== "paid" && status !== "pending",
    ...(orderId ? { order_id: orderId } : {}),
  }
}
