import { C2B_CONFIRMED_STATES, type C2bState } from "./c2b-transitions"

/**
 * What the admin says about a paybill/till payment: a short badge per state
 * and one sentence a merchant can act on. Pure, and importing only pure
 * files, because the admin bundle imports it too.
 */

export type C2bBadgeColor = "green" | "orange" | "red" | "grey" | "blue"

export const C2B_STATE_BADGE: Record<C2bState, { label: string; color: C2bBadgeColor }> = {
  received: { label: "confirming", color: "orange" },
  declined: { label: "declined", color: "grey" },
  confirmed: { label: "matching", color: "orange" },
  captured: { label: "captured", color: "green" },
  partial: { label: "part paid", color: "green" },
  over: { label: "overpaid", color: "orange" },
  // Money that arrived and waits on the merchant.
  unmatched: { label: "unmatched", color: "red" },
  review: { label: "review", color: "red" },
  refunded: { label: "refunded", color: "grey" },
  rejected: { label: "not real", color: "grey" },
}

/** The facts of a payment the sentence is made from (what GET /admin/mpesa/c2b/payments answers). */
export type C2bPaymentFacts = {
  state: C2bState
  flag?: string | null
  amount_kes?: number | null
  amount_raw?: string | null
  match_detail?: Record<string, unknown> | null
}

const kes = (n: unknown) => `KES ${Number(n).toLocaleString("en-KE")}`

const reasonOf = (detail: C2bPaymentFacts["match_detail"]) => (typeof detail?.reason === "string" && detail.reason ? detail.reason : undefined)

/** Why a payment is in review, from its flag (c2b-transitions.ts). */
function reviewSentence(p: C2bPaymentFacts): string {
  switch (p.flag) {
    case "already_paid":
      return "A second payment for an order that is already paid: refund it, or match it to the order it was meant for."
    case "ambiguous":
      return `Could be for more than one order (${reasonOf(p.match_detail) ?? "several orders fit"}): match it to the right one, or refund it.`
    case "confirmation_mismatch":
      return p.amount_kes == null && p.amount_raw
        ? `The amount came as "${p.amount_raw}", not whole shillings: check it on the M-Pesa statement.`
        : "Safaricom's record differs from the confirmation (amount or paybill/till): check it on the M-Pesa statement."
    case "unresolved":
      return "Safaricom could not confirm this payment in time: check it on the M-Pesa statement."
    case "confirmed_after_rejection":
      return "Safaricom first said there was no such payment, then confirmed it: check it on the M-Pesa statement."
    case "capture_overtaken":
      return "Was to pay its order, but the order was paid another way before it was captured: refund it, or match it to another order."
    default:
      return p.flag ? `Needs a look: ${p.flag.replace(/_/g, " ")}.` : "Needs a look."
  }
}

/** One sentence for the merchant: what happened to the payment, and what to do when it is theirs to decide. */
export function describeC2bPayment(p: C2bPaymentFacts): string {
  const d = p.match_detail ?? {}
  switch (p.state) {
    case "received":
      return "Waiting for Safaricom to confirm this payment."
    case "declined":
      return "Declined when Safaricom asked: no money should have moved."
    case "confirmed":
      return "Confirmed by Safaricom; being matched to an order."
    case "captured":
      return d.attached_by_merchant ? "Matched to the order by hand and captured." : "Paid the order in full; captured."
    case "partial":
      return typeof d.balance_kes === "number"
        ? `Paid part of the order; ${kes(d.balance_kes)} still to pay.`
        : "Paid part of the order; the balance is still to pay."
    case "over":
      return typeof d.excess_kes === "number"
        ? `Paid the order and ${kes(d.excess_kes)} more; the excess is the payer's to get back.`
        : "Paid the order and more; the excess is the payer's to get back."
    case "unmatched":
      return `Names no order (${reasonOf(d) ?? "the account is not an order number"}): match it to an order, or refund it.`
    case "review":
      return reviewSentence(p)
    case "refunded":
      return "Sent back to the payer by reversal."
    case "rejected":
      return "Safaricom has no such transaction: the confirmation was not real."
  }
}

/** States whose payments can carry an order (what the order's page lists). */
export const C2B_ORDER_STATES: readonly C2bState[] = ["captured", "partial", "over", "review", "refunded"]

/** The admin table's state filter: [value, label, the `state` query it sends (undefined: the queue)]. */
export const C2B_STATE_FILTERS: readonly [value: string, label: string, query: string | undefined][] = [
  ["queue", "Unmatched and in review", undefined],
  ["unmatched", "Unmatched", "unmatched"],
  ["review", "In review", "review"],
  ["captured", "Captured", "captured"],
  ["partial", "Part paid", "partial"],
  ["over", "Overpaid", "over"],
  ["refunded", "Refunded", "refunded"],
  ["confirmed", "Being matched", "confirmed"],
  ["all", "All confirmed payments", C2B_CONFIRMED_STATES.join(",")],
]

/** The `state` query for a filter value; undefined (the queue) for an unknown one. */
export const c2bStateQuery = (filter: string) => C2B_STATE_FILTERS.find(([value]) => value === filter)?.[2]

/** Flags of payments Safaricom did not confirm as reported: nothing goes back until a person checks. */
export const C2B_UNCONFIRMED_FLAGS: readonly string[] = ["confirmation_mismatch", "unresolved", "confirmed_after_rejection"]

/**
 * Whether the merchant may match a payment to an order or send it back, or
 * why not. Money Safaricom did not confirm as reported is neither captured
 * nor reversed from here: it may never have arrived.
 */
export function c2bActionRefusal(p: C2bPaymentFacts): string | undefined {
  if (p.state !== "unmatched" && p.state !== "review") {
    return `It is ${C2B_STATE_BADGE[p.state].label}; only unmatched payments and payments in review are matched or refunded here.`
  }
  if (C2B_UNCONFIRMED_FLAGS.includes(p.flag ?? "") || p.amount_kes == null) {
    return "Safaricom has not confirmed it as reported: check it on the M-Pesa statement first."
  }
  return undefined
}
