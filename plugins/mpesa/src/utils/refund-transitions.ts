/**
 * The refund's state machine (Reversal or B2C payout). The row exists before
 * Daraja is called ("requested"); what Daraja answers at once moves it to
 * "pending" (accepted), "failed" (refused) or "unknown" (no answer). Results
 * posted to our ResultURL are hints: they move it to "confirming", and only
 * Transaction Status settles it as done or failed. Anything not settled
 * blocks the next refund of the same payment (see refund-plan.ts).
 */

export type RefundState = "requested" | "pending" | "unknown" | "confirming" | "reversed" | "paid_out" | "failed"
export type RefundMethod = "reversal" | "b2c"

export type RefundEvent =
  /** Daraja acknowledged the request. */
  | { type: "accepted" }
  /** Daraja refused the request outright (4xx / known error code): no money moved. */
  | { type: "refused" }
  /** Time-out, 5xx or a lost connection: Safaricom may or may not have acted. */
  | { type: "no_answer" }
  /** A Result arrived at the ResultURL (success or failure: unsigned either way). */
  | { type: "result_received" }
  /** Transaction Status confirms the refund was completed. */
  | { type: "status_completed" }
  /** Transaction Status says no such refund happened. */
  | { type: "status_not_found" }
  /**
   * The merchant checked the M-Pesa statement: a refund that Daraja never
   * gave us an id for (so Transaction Status cannot be asked) did not happen.
   */
  | { type: "merchant_found_nothing" }

export type RefundTransition = { state: RefundState; changed: boolean }

export const REFUND_STATES: RefundState[] = ["requested", "pending", "unknown", "confirming", "reversed", "paid_out", "failed"]
export const REFUND_EVENTS: RefundEvent[] = [
  { type: "accepted" },
  { type: "refused" },
  { type: "no_answer" },
  { type: "result_received" },
  { type: "status_completed" },
  { type: "status_not_found" },
  { type: "merchant_found_nothing" },
]

/** States in which Safaricom may still move money: the next refund waits. */
export const UNSETTLED_REFUND_STATES: RefundState[] = ["requested", "pending", "unknown", "confirming"]

const stay = (state: RefundState): RefundTransition => ({ state, changed: false })
const to = (state: RefundState): RefundTransition => ({ state, changed: true })

export function nextRefundState(state: RefundState, method: RefundMethod, event: RefundEvent): RefundTransition {
  const done: RefundState = method === "b2c" ? "paid_out" : "reversed"
  switch (state) {
    case "requested":
      switch (event.type) {
        case "accepted":
          return to("pending")
        case "refused":
          return to("failed")
        case "no_answer":
          return to("unknown")
        case "result_received":
          // The result beat our own write of the acknowledgement.
          return to("confirming")
        case "status_completed":
          return to(done)
        case "status_not_found":
        case "merchant_found_nothing":
          // Nothing reached Safaricom (we crashed before or during the call).
          return to("failed")
      }
      break
    case "pending":
    case "unknown":
      switch (event.type) {
        case "result_received":
          return to("confirming")
        case "status_completed":
          return to(done)
        case "status_not_found":
          // A pending request Safaricom accepted may not show yet; only its Result
          // (then Transaction Status) settles it. An unknown one that Safaricom
          // has no trace of never happened.
          return state === "unknown" ? to("failed") : stay(state)
        case "merchant_found_nothing":
          // Only an unanswered request has no id to ask Transaction Status about;
          // an accepted one is settled by Safaricom's own answers.
          return state === "unknown" ? to("failed") : stay(state)
        default:
          return stay(state)
      }
    case "confirming":
      switch (event.type) {
        case "status_completed":
          return to(done)
        case "status_not_found":
          return to("failed")
        default:
          return stay(state)
      }
    case "reversed":
    case "paid_out":
    case "failed":
      return stay(state)
  }
  return stay(state)
}
