import type { C2bDecisionKind } from "./c2b-match"

/**
 * The inbound C2B payment's state machine: the one place that decides how a
 * paybill/till payment moves between states. A confirmation (or validation)
 * POST is a hint; only Daraja's own answer (Transaction Status or Pull
 * Transactions) confirms the money, and only a confirmed payment is matched
 * to an order. A confirmed payment is never downgraded, and anything that
 * does not add up goes to "review" (or "unmatched") for the merchant.
 *
 * "captured", "partial" and "over" say what the payment was decided to pay;
 * whether Medusa has recorded the capture yet is the row's `captured_at`,
 * as for STK requests, so a capture that fails is retried, not re-decided.
 */

export type C2bState =
  /** A confirmation arrived (or Pull listed it): not yet confirmed by Daraja. */
  | "received"
  /** We declined it at validation: no money should have moved. */
  | "declined"
  /** Daraja confirmed the transaction, amount and shortcode: ready to match. */
  | "confirmed"
  /** Pays one order in full. */
  | "captured"
  /** Pays part of one order; the balance remains. */
  | "partial"
  /** Pays one order and more; the excess is offered back. */
  | "over"
  /** Confirmed money that names no order: the merchant attaches or refunds it. */
  | "unmatched"
  /** Does not add up (several orders, a second payment, Daraja disagrees…): the merchant decides. */
  | "review"
  /** Sent back to the payer by the merchant. */
  | "refunded"
  /** Daraja has no such transaction: the confirmation was not real. */
  | "rejected"

export type C2bEvent =
  /** A confirmation POST (another copy, or the first after a declined validation). */
  | { type: "confirmation_received" }
  /** Our validation answer declined the payment before it was made. */
  | { type: "validation_rejected" }
  /** Daraja confirms the transaction with the same amount and shortcode. */
  | { type: "confirmed" }
  /** Daraja knows the transaction, but its amount or shortcode differs from the confirmation's. */
  | { type: "confirmation_mismatch" }
  /** Daraja says there is no such transaction. */
  | { type: "not_found" }
  /** Daraja could not be asked or gave no usable answer: the outcome is unknown. */
  | { type: "confirmation_unknown" }
  /** Confirmation gave up: too old to settle by asking Daraja again. */
  | { type: "unresolved" }
  /** The matcher's decision (c2b-match.ts). */
  | { type: "matched"; decision: C2bDecisionKind }
  /** The merchant attached the payment to an order awaiting it (captured there). */
  | { type: "merchant_attached" }
  /** The merchant sent the payment back to the phone that paid. */
  | { type: "merchant_refunded" }
  /** Its capture was cut off before Medusa made it, and the order no longer owes it (c2b-capture-retry.ts). */
  | { type: "capture_overtaken" }

export type C2bTransition = {
  state: C2bState
  /** False when the event leaves the payment as it was. */
  changed: boolean
  /** Why a payment went to review (stored in `flag`). */
  flag?: string
}

export const C2B_STATES: readonly C2bState[] = [
  "received",
  "declined",
  "confirmed",
  "captured",
  "partial",
  "over",
  "unmatched",
  "review",
  "refunded",
  "rejected",
]

export const C2B_EVENTS: C2bEvent[] = [
  { type: "confirmation_received" },
  { type: "validation_rejected" },
  { type: "confirmed" },
  { type: "confirmation_mismatch" },
  { type: "not_found" },
  { type: "confirmation_unknown" },
  { type: "unresolved" },
  { type: "matched", decision: "exact" },
  { type: "matched", decision: "short" },
  { type: "matched", decision: "over" },
  { type: "matched", decision: "already_paid" },
  { type: "matched", decision: "ambiguous" },
  { type: "matched", decision: "unknown" },
  { type: "merchant_attached" },
  { type: "merchant_refunded" },
  { type: "capture_overtaken" },
]

/** States Daraja has confirmed (money arrived): nothing may move them back to an unconfirmed one. */
export const C2B_CONFIRMED_STATES: C2bState[] = ["confirmed", "captured", "partial", "over", "unmatched", "review", "refunded"]

const stay = (state: C2bState): C2bTransition => ({ state, changed: false })
const to = (state: C2bState): C2bTransition => ({ state, changed: true })
const review = (flag: string): C2bTransition => ({ state: "review", changed: true, flag })

const MATCHED: Record<C2bDecisionKind, C2bTransition> = {
  exact: to("captured"),
  short: to("partial"),
  over: to("over"),
  already_paid: review("already_paid"),
  ambiguous: review("ambiguous"),
  unknown: to("unmatched"),
}

export function nextC2bState(state: C2bState, event: C2bEvent): C2bTransition {
  switch (state) {
    case "received":
      switch (event.type) {
        case "validation_rejected":
          return to("declined")
        case "confirmed":
          return to("confirmed")
        case "confirmation_mismatch":
          return review("confirmation_mismatch")
        case "not_found":
          return to("rejected")
        case "unresolved":
          return review("unresolved")
        default:
          // A hint matches nothing: only confirmed money is matched or acted on.
          return stay(state)
      }
    case "declined":
      // Safaricom may complete a payment we declined (validation timed out and
      // the registered ResponseType was "Completed"): its confirmation reopens it.
      if (event.type === "confirmation_received") {
        return to("received")
      }
      if (event.type === "confirmed") {
        return to("confirmed")
      }
      if (event.type === "confirmation_mismatch") {
        return review("confirmation_mismatch")
      }
      return stay(state)
    case "confirmed":
      if (event.type === "matched") {
        return MATCHED[event.decision]
      }
      return stay(state)
    case "unmatched":
      // Never re-matched automatically: a mistyped account could name an order
      // placed later, and money would land on the wrong order unseen.
      if (event.type === "merchant_attached") {
        return to("captured")
      }
      if (event.type === "merchant_refunded") {
        return to("refunded")
      }
      return stay(state)
    case "review":
      // The merchant decides (attach to an order or refund); nothing automatic moves it.
      if (event.type === "merchant_attached") {
        return to("captured")
      }
      if (event.type === "merchant_refunded") {
        return to("refunded")
      }
      return stay(state)
    case "rejected":
      // Daraja said "no such transaction" and now confirms it: someone must look.
      if (event.type === "confirmed" || event.type === "confirmation_mismatch") {
        return review("confirmed_after_rejection")
      }
      return stay(state)
    case "captured":
    case "partial":
    case "over":
      // Decided: refunds of captured money are refund rows (refund-transitions.ts). Only a
      // capture that never happened and can no longer happen as decided goes to the merchant.
      if (event.type === "capture_overtaken") {
        return review("capture_overtaken")
      }
      return stay(state)
    case "refunded":
      return stay(state)
  }
}
