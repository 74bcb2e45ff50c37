import type { AccountRef, C2bAccountFormat } from "./c2b-account"
import { sameVisiblePhone, type VisibleDigits } from "./c2b-phone"

/**
 * Which order a C2B payment pays, decided once, purely, from what the
 * payment says and the orders awaiting M-Pesa. Only a payment that names
 * exactly one order (paybill: its account; till: amount, phone and time
 * together) is captured; everything else goes to a person with the reason.
 */

export type C2bKind = "paybill" | "till"

/** A C2B payment after normalisation (c2b-account.ts, c2b-phone.ts). */
export type C2bPaymentFacts = {
  kind: C2bKind
  /** Paybill: the order reference typed as the account; null when unreadable or for a till. */
  account: AccountRef | null
  amount_kes: number
  /** What the masked MSISDN shows; null when it shows nothing (a hash). */
  phone: VisibleDigits | null
  trans_time: Date
}

/** An order awaiting its M-Pesa payment (or already paid: then only a second payment can name it). */
export type C2bCandidate = {
  order_id: string
  display_id: string | number
  short_code: string
  /** The order's total in whole KES. */
  total_kes: number
  /** Whole KES still to pay on the order (its total less what was captured). */
  outstanding_kes: number
  currency_code: string
  /** The phone the order was placed with, as visible digits; null when unknown. */
  phone: VisibleDigits | null
  created_at: Date
  paid: boolean
}

export type C2bMatchRules = {
  accountFormat: C2bAccountFormat
  /** Till payments match orders placed at most this many minutes before the payment. */
  tillWindowMinutes: number
}

export type C2bDecision =
  /** Pays the order exactly: capture. */
  | { decision: "exact"; order_id: string; amount_kes: number; outstanding_kes: number }
  /** Pays part of it: capture what came, the balance remains. */
  | { decision: "short"; order_id: string; amount_kes: number; outstanding_kes: number; balance_kes: number }
  /** Pays more: capture the order's amount, offer the excess back. */
  | { decision: "over"; order_id: string; amount_kes: number; outstanding_kes: number; excess_kes: number }
  /** Names an order that is already paid: a second payment, for review, never captured. */
  | { decision: "already_paid"; order_id: string; amount_kes: number }
  /** Could be any of several orders: review. */
  | { decision: "ambiguous"; order_ids: string[]; amount_kes: number; reason: string }
  /** Names no order we can pay: review (the merchant may attach or refund it). */
  | { decision: "unknown"; amount_kes: number; reason: string; order_ids: string[] }

export type C2bDecisionKind = C2bDecision["decision"]
export const C2B_DECISIONS: C2bDecisionKind[] = ["exact", "short", "over", "already_paid", "ambiguous", "unknown"]

/** Decisions that capture money on an order without a person. */
export const CAPTURING_DECISIONS: C2bDecisionKind[] = ["exact", "short", "over"]

/**
 * An order placed a little after the payment's TransTime still counts: the two
 * clocks (Safaricom's and ours) and a slow checkout page are not in step.
 */
export const TILL_CLOCK_SKEW_MS = 5 * 60_000

const isKes = (c: C2bCandidate) => c.currency_code.trim().toUpperCase() === "KES"
const isOpen = (c: C2bCandidate) => !c.paid && c.outstanding_kes > 0

const displayIdOf = (c: C2bCandidate) => String(c.display_id).trim().replace(/^0+/, "")

function byAccount(account: AccountRef, candidates: C2bCandidate[]): C2bCandidate[] {
  return candidates.filter((c) =>
    account.kind === "display_id" ? displayIdOf(c) === account.value : c.short_code.trim().toUpperCase() === account.value
  )
}

function settleOne(order: C2bCandidate, amount: number): C2bDecision {
  if (!isOpen(order)) {
    return { decision: "already_paid", order_id: order.order_id, amount_kes: amount }
  }
  const due = order.outstanding_kes
  if (amount === due) {
    return { decision: "exact", order_id: order.order_id, amount_kes: amount, outstanding_kes: due }
  }
  if (amount < due) {
    return { decision: "short", order_id: order.order_id, amount_kes: amount, outstanding_kes: due, balance_kes: due - amount }
  }
  return { decision: "over", order_id: order.order_id, amount_kes: amount, outstanding_kes: due, excess_kes: amount - due }
}

function matchPaybill(payment: C2bPaymentFacts, candidates: C2bCandidate[], rules: C2bMatchRules): C2bDecision {
  const amount = payment.amount_kes
  const account = payment.account
  if (!account) {
    return { decision: "unknown", amount_kes: amount, reason: "The account entered is not an order reference", order_ids: [] }
  }
  if (rules.accountFormat !== "both" && account.kind !== rules.accountFormat) {
    return { decision: "unknown", amount_kes: amount, reason: "The account is a kind of reference this shop does not accept", order_ids: [] }
  }
  const named = byAccount(account, candidates)
  const payable = named.filter(isKes)
  if (payable.length === 0) {
    const reason = named.length > 0 ? "The order named is not priced in KES" : "No order has the reference entered as the account"
    return { decision: "unknown", amount_kes: amount, reason, order_ids: named.map((c) => c.order_id) }
  }
  if (payable.length > 1) {
    return {
      decision: "ambiguous",
      order_ids: payable.map((c) => c.order_id),
      amount_kes: amount,
      reason: `${payable.length} orders have the reference entered as the account`,
    }
  }
  return settleOne(payable[0], amount)
}

function matchTill(payment: C2bPaymentFacts, candidates: C2bCandidate[], rules: C2bMatchRules): C2bDecision {
  const amount = payment.amount_kes
  const paidAt = payment.trans_time.getTime()
  const from = paidAt - rules.tillWindowMinutes * 60_000
  const inWindow = candidates.filter(
    (c) => isKes(c) && c.created_at.getTime() >= from && c.created_at.getTime() <= paidAt + TILL_CLOCK_SKEW_MS
  )
  const sameAmount = (c: C2bCandidate) => c.outstanding_kes === amount
  if (!payment.phone) {
    // Amount and time alone name an order by coincidence as often as not.
    const guesses = inWindow.filter((c) => isOpen(c) && sameAmount(c))
    const reason = "The payment shows no phone digits, so amount and time alone cannot name the order"
    return guesses.length > 0
      ? { decision: "ambiguous", order_ids: guesses.map((c) => c.order_id), amount_kes: amount, reason }
      : { decision: "unknown", amount_kes: amount, reason, order_ids: [] }
  }
  const samePhone = inWindow.filter((c) => sameVisiblePhone(c.phone, payment.phone))
  const open = samePhone.filter((c) => isOpen(c) && sameAmount(c))
  if (open.length === 1) {
    return settleOne(open[0], amount)
  }
  if (open.length > 1) {
    return {
      decision: "ambiguous",
      order_ids: open.map((c) => c.order_id),
      amount_kes: amount,
      reason: `${open.length} orders from this phone await exactly this amount`,
    }
  }
  // The amount is what names a till payment's order, so one that paid it already is a second payment.
  const paid = samePhone.filter((c) => !isOpen(c) && c.total_kes === amount)
  if (paid.length === 1) {
    return { decision: "already_paid", order_id: paid[0].order_id, amount_kes: amount }
  }
  if (paid.length > 1) {
    return {
      decision: "ambiguous",
      order_ids: paid.map((c) => c.order_id),
      amount_kes: amount,
      reason: `${paid.length} paid orders from this phone could be paid twice`,
    }
  }
  // Same phone and time but another amount: a person can tell whether it was meant for that order.
  const nearly = samePhone.filter(isOpen)
  return {
    decision: "unknown",
    amount_kes: amount,
    reason:
      nearly.length > 0
        ? "No order from this phone awaits exactly this amount"
        : "No order awaiting M-Pesa was placed from this phone shortly before the payment",
    order_ids: nearly.map((c) => c.order_id),
  }
}

/**
 * The decision for one C2B payment. Paybill payments are named by their
 * account (display id or short code, per `accountFormat`) and then classed
 * by amount; till payments carry no account, so an order is named only when
 * exactly one order from the same phone (visible digits), placed within
 * `tillWindowMinutes` before the payment, awaits exactly that amount.
 */
export function matchC2bPayment(payment: C2bPaymentFacts, candidates: C2bCandidate[], rules: C2bMatchRules): C2bDecision {
  return payment.kind === "paybill" ? matchPaybill(payment, candidates, rules) : matchTill(payment, candidates, rules)
}
