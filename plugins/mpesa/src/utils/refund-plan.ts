/**
 * How an M-Pesa payment is refunded. Safaricom's Reversal API returns a
 * payment in full only (partial reversal is undocumented), so the first
 * refund of the whole amount is a reversal; anything partial, or what is left
 * after a partial refund, is paid back to the shopper's phone by B2C, which
 * needs a B2C shortcode. Amounts are whole KES, like the payment.
 *
 * One refund at a time: while an earlier one is unsettled (not yet answered,
 * answer lost, or its result not yet confirmed by Transaction Status),
 * Safaricom may still move that money, so nothing new is planned. Callers
 * read `earlier` under the payment's refund lock.
 */

import { UNSETTLED_REFUND_STATES, type RefundMethod, type RefundState } from "./refund-transitions"

export type { RefundMethod }
export type RefundStatus = RefundState

export interface EarlierRefund {
  method: RefundMethod
  status: RefundStatus
  amount_kes: number
}

export interface RefundPlanInput {
  /** What the shopper paid, in whole KES. */
  paidKes: number
  /** Whole KES asked for; absent means "everything not yet refunded". */
  requestedKes?: number
  earlier: EarlierRefund[]
  b2cConfigured: boolean
}

export type RefundPlan = { ok: true; method: RefundMethod; amountKes: number } | { ok: false; reason: string }

const refuse = (reason: string): RefundPlan => ({ ok: false, reason })

export function planMpesaRefund({ paidKes, requestedKes, earlier, b2cConfigured }: RefundPlanInput): RefundPlan {
  const unsettled = earlier.find((r) => UNSETTLED_REFUND_STATES.includes(r.status))
  if (unsettled) {
    const what = unsettled.method === "reversal" ? "A reversal" : `A B2C refund of KES ${unsettled.amount_kes}`
    return refuse(
      unsettled.status === "unknown" || unsettled.status === "requested"
        ? `${what} of this payment got no answer from Safaricom; no new refund until its Transaction Status is known (Soko checks it automatically)`
        : `${what} of this payment is already waiting for Safaricom's answer; try again once it is settled`
    )
  }
  if (earlier.some((r) => r.method === "reversal" && r.status === "reversed")) {
    return refuse("This M-Pesa payment has already been reversed")
  }
  const committed = earlier.filter((r) => r.status === "paid_out").reduce((sum, r) => sum + r.amount_kes, 0)
  const remaining = paidKes - committed
  if (remaining <= 0) {
    return refuse(`This M-Pesa payment (KES ${paidKes}) has already been refunded in full`)
  }
  if (requestedKes !== undefined && (!Number.isSafeInteger(requestedKes) || requestedKes < 1)) {
    return refuse(`A refund must be a whole number of KES from 1 to ${remaining}; got ${requestedKes}`)
  }
  const amountKes = requestedKes ?? remaining
  if (amountKes > remaining) {
    return refuse(
      committed > 0
        ? `Only KES ${remaining} of this payment (KES ${paidKes}) is left to refund; KES ${amountKes} was asked`
        : `A refund cannot be more than the payment (KES ${paidKes}); KES ${amountKes} was asked`
    )
  }
  if (committed === 0 && amountKes === paidKes) {
    return { ok: true, method: "reversal", amountKes }
  }
  if (!b2cConfigured) {
    return refuse(
      `M-Pesa reversals return the full payment (KES ${paidKes}) only; a partial refund of KES ${amountKes} ` +
        "is paid by B2C, which is not configured (provider option `b2cShortcode`, MPESA_B2C_SHORTCODE)"
    )
  }
  return { ok: true, method: "b2c", amountKes }
}
