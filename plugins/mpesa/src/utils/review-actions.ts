/**
 * What a merchant may do with an M-Pesa payment in the review queue. Every
 * refusal is a sentence the merchant can act on. Amounts are whole KES.
 */

import { parseStkCallback } from "./callback"

/**
 * Flags whose money Daraja confirmed (STK Query said paid). The others
 * ("query_disagrees": STK Query says not paid; "unresolved": nobody knows)
 * must be checked in the M-Pesa portal first: attaching them would capture
 * money that may never have arrived.
 */
export const CONFIRMED_PAID_FLAGS = [
  "second_payment",
  "paid_after_session_closed",
  "paid_after_failed",
  "paid_after_cancelled",
  "paid_after_expired",
] as const

/** A flag in words, for the admin, the queue and the merchant's alert. */
export function describeReviewFlag(flag: string | null | undefined): string {
  switch (flag) {
    case "amount_mismatch":
      return "the amount Safaricom reported differs from the amount pushed"
    case "query_disagrees":
      return "the callback says paid but STK Query says not paid"
    case "paid_after_session_closed":
      return "paid after the checkout it was for was changed or cancelled"
    case "second_payment":
      return "a second payment for a checkout that was already paid"
    case "unresolved":
      return "Safaricom could not confirm the outcome in time"
    case "paid_after_failed":
    case "paid_after_cancelled":
    case "paid_after_expired":
      return `paid after the prompt was recorded as ${flag.slice("paid_after_".length)}`
    default:
      return flag ? flag.replace(/_/g, " ") : "needs a look"
  }
}

/**
 * The receipt of a payment in review. Flagged requests keep it only in the
 * callback (the ledger's unique receipt column is written once the money is
 * settled), so it is read from there.
 */
export function reviewReceipt(request: { receipt_number?: string | null; raw_callback?: unknown }): string | undefined {
  if (request.receipt_number) {
    return request.receipt_number
  }
  const parsed = parseStkCallback(request.raw_callback)
  return parsed.ok && parsed.callback.success ? parsed.callback.metadata?.receipt : undefined
}

export type AttachInput = {
  request: { status: string; flag: string | null; amount_kes: number; receipt?: string }
  order: {
    status: string
    currency_code: string
    /** The order's M-Pesa payment session, if it was placed with M-Pesa. */
    mpesa_session?: { id: string; amount_kes: number }
    /** A payment of the order is already captured (by M-Pesa or anything else). */
    captured: boolean
  }
  /** The receipt already belongs to another ledger row. */
  receipt_taken: boolean
}

export type AttachPlan = { ok: true; session_id: string } | { ok: false; reason: string }

const refuse = (reason: string): AttachPlan => ({ ok: false, reason })

/** Whether a payment in review can pay an order that is awaiting its M-Pesa payment. */
export function planReviewAttach({ request, order, receipt_taken }: AttachInput): AttachPlan {
  if (request.status !== "review") {
    return refuse(`This M-Pesa payment is not waiting for review (it is ${request.status}); nothing to attach`)
  }
  if (!(CONFIRMED_PAID_FLAGS as readonly string[]).includes(request.flag ?? "")) {
    return refuse(
      request.flag === "amount_mismatch"
        ? "Safaricom reported a different amount for this payment than was pushed: check it in the M-Pesa portal, then refund it to the phone"
        : `This payment is not confirmed as paid (${describeReviewFlag(request.flag)}): check it in the M-Pesa portal before attaching it`
    )
  }
  if (!request.receipt) {
    return refuse("This payment has no M-Pesa receipt yet; check it in the M-Pesa portal before attaching it")
  }
  if (receipt_taken) {
    return refuse(`Receipt ${request.receipt} is already recorded on another M-Pesa payment; check it in the M-Pesa portal`)
  }
  if (order.status === "canceled" || order.status === "archived") {
    return refuse(`The order is ${order.status}; refund this payment to the phone instead`)
  }
  if (order.currency_code.toLowerCase() !== "kes") {
    return refuse(`The order is in ${order.currency_code.toUpperCase()}; an M-Pesa payment can only pay a KES order`)
  }
  if (!order.mpesa_session) {
    return refuse("The order was not placed with M-Pesa; refund this payment to the phone instead")
  }
  if (order.captured) {
    return refuse("The order is already paid; refund this payment to the phone instead")
  }
  if (order.mpesa_session.amount_kes !== request.amount_kes) {
    return refuse(
      `The order awaits KES ${order.mpesa_session.amount_kes} but this payment is KES ${request.amount_kes}; ` +
        "attach it only to an order of the same amount, or refund it to the phone"
    )
  }
  return { ok: true, session_id: order.mpesa_session.id }
}

/**
 * Why a payment in review cannot be sent back to the phone, or undefined when
 * it can. Only money Daraja confirmed (or whose amount alone is in doubt) is
 * reversed: a reversal of a receipt STK Query never saw paid proves nothing.
 */
export function reviewRefundRefusal(request: {
  status: string
  flag: string | null
  receipt?: string
  captured: boolean
}): string | undefined {
  if (request.status !== "review" && request.status !== "refunded") {
    return `This M-Pesa payment is not waiting for review (it is ${request.status}); refund an order's payment from the order`
  }
  if (request.captured) {
    return "This payment is captured on an order; refund it from the order"
  }
  if (!(CONFIRMED_PAID_FLAGS as readonly string[]).includes(request.flag ?? "") && request.flag !== "amount_mismatch") {
    return `This payment is not confirmed as paid (${describeReviewFlag(request.flag)}): check it in the M-Pesa portal first`
  }
  if (!request.receipt) {
    return "This payment has no M-Pesa receipt to reverse; check it in the M-Pesa portal"
  }
  return undefined
}
