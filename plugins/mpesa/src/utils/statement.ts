/**
 * The merchant's M-Pesa statement: per payment, what was refunded against it,
 * and per day, money in and out, so it can be read side by side with
 * Safaricom's statement. Whole KES throughout.
 *
 * Days are Nairobi days (Africa/Nairobi, EAT = UTC+3 all year: Kenya has no
 * daylight saving), which is how Safaricom's statements date transactions.
 */

import { CONFIRMED_PAID_FLAGS } from "./review-actions"
import { UNSETTLED_REFUND_STATES, type RefundState } from "./refund-transitions"

export const NAIROBI_OFFSET_MS = 3 * 60 * 60 * 1000
export const STATEMENT_TIME_ZONE = "Africa/Nairobi"

export type StatementPayment = {
  status: string
  flag: string | null
  amount_kes: number
  /** When the money arrived as far as the ledger knows: settled_at, else created_at. */
  at: Date
}

export type StatementRefund = {
  status: RefundState
  amount_kes: number
  /** settled_at for settled refunds, created_at for open ones. */
  at: Date
}

export type StatementDay = {
  date: string
  /** Payments received (paid, held for review, or sent back from review). */
  in_kes: number
  in_count: number
  /** Reversals and B2C payouts Safaricom confirmed. */
  out_kes: number
  out_count: number
  /** Refunds asked for and not settled yet (pending, unknown, confirming): may still leave. */
  pending_out_kes: number
  /** In review but not confirmed as paid (STK Query disagreed, or no answer): not counted as in. */
  unconfirmed_kes: number
  net_kes: number
}

/** The Nairobi calendar day (YYYY-MM-DD) of an instant. */
export function nairobiDay(at: Date): string {
  return new Date(at.getTime() + NAIROBI_OFFSET_MS).toISOString().slice(0, 10)
}

/** The UTC instants a range of Nairobi days covers: [start of `from`, start of the day after `to`). */
export function nairobiRange(from: string, to: string): { start: Date; end: Date } {
  const start = new Date(Date.parse(`${from}T00:00:00Z`) - NAIROBI_OFFSET_MS)
  const end = new Date(Date.parse(`${to}T00:00:00Z`) + 24 * 60 * 60 * 1000 - NAIROBI_OFFSET_MS)
  return { start, end }
}

/** Money that reached the merchant per the ledger: paid, sent back from review, or in review with money Daraja confirmed. */
export function isMoneyIn(payment: { status: string; flag: string | null }): boolean {
  if (payment.status === "paid" || payment.status === "refunded") {
    return true
  }
  return (
    payment.status === "review" &&
    ((CONFIRMED_PAID_FLAGS as readonly string[]).includes(payment.flag ?? "") || payment.flag === "amount_mismatch")
  )
}

const empty = (date: string): StatementDay => ({
  date,
  in_kes: 0,
  in_count: 0,
  out_kes: 0,
  out_count: 0,
  pending_out_kes: 0,
  unconfirmed_kes: 0,
  net_kes: 0,
})

/** Every Nairobi day from `from` to `to` (inclusive), each with its totals; days with nothing show zeros. */
export function dailyTotals(from: string, to: string, payments: StatementPayment[], refunds: StatementRefund[]): StatementDay[] {
  const days = new Map<string, StatementDay>()
  for (let t = Date.parse(`${from}T00:00:00Z`); t <= Date.parse(`${to}T00:00:00Z`); t += 24 * 60 * 60 * 1000) {
    const date = new Date(t).toISOString().slice(0, 10)
    days.set(date, empty(date))
  }
  for (const p of payments) {
    const day = days.get(nairobiDay(p.at))
    if (!day) {
      continue
    }
    if (isMoneyIn(p)) {
      day.in_kes += p.amount_kes
      day.in_count += 1
    } else if (p.status === "review") {
      day.unconfirmed_kes += p.amount_kes
    }
  }
  for (const r of refunds) {
    const day = days.get(nairobiDay(r.at))
    if (!day) {
      continue
    }
    if (r.status === "reversed" || r.status === "paid_out") {
      day.out_kes += r.amount_kes
      day.out_count += 1
    } else if (UNSETTLED_REFUND_STATES.includes(r.status)) {
      day.pending_out_kes += r.amount_kes
    }
  }
  for (const day of days.values()) {
    day.net_kes = day.in_kes - day.out_kes
  }
  return [...days.values()]
}

export type PaymentRefundSummary = {
  refunded_kes: number
  pending_kes: number
  refundable_kes: number
}

/**
 * What was refunded against one payment: settled (reversed or paid out),
 * still open (may leave), and what could still be refunded (nothing while a
 * refund is open, nothing after a reversal: see refund-plan.ts).
 */
export function refundSummary(amountKes: number, refunds: { status: RefundState; method: string; amount_kes: number }[]): PaymentRefundSummary {
  const settled = refunds.filter((r) => r.status === "reversed" || r.status === "paid_out")
  const refunded = settled.reduce((sum, r) => sum + r.amount_kes, 0)
  const pending = refunds.filter((r) => UNSETTLED_REFUND_STATES.includes(r.status)).reduce((sum, r) => sum + r.amount_kes, 0)
  const reversed = settled.some((r) => r.method === "reversal")
  return {
    refunded_kes: refunded,
    pending_kes: pending,
    refundable_kes: reversed || pending > 0 ? 0 : Math.max(0, amountKes - refunded),
  }
}
