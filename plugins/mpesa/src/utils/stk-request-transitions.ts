/**
 * The STK request's state machine: the one place that decides how a push
 * moves between states. Callbacks are hints; every event here is what Daraja
 * confirmed (STK Query) or what the ledger proves (session gone, a second
 * payment on one session). A confirmed success is never downgraded, and
 * anything that does not add up goes to "review" for the merchant.
 */

export type StkState = "pending" | "paid" | "failed" | "cancelled" | "expired" | "review" | "refunded"
export type UnpaidOutcome = "failed" | "cancelled" | "expired"

export type StkEvent =
  /** STK Query says paid (and the callback, if any, agrees on the amount). */
  | { type: "confirmed_paid" }
  /** STK Query says the prompt ended unpaid. */
  | { type: "confirmed_unpaid"; outcome: UnpaidOutcome }
  /** STK Query says the prompt is still open on the phone. */
  | { type: "still_open" }
  /** STK Query could not be asked or gave no usable answer: the outcome is unknown. */
  | { type: "query_error" }
  /** A callback says paid, STK Query says not paid. */
  | { type: "callback_disagrees" }
  /** Paid, but the callback's amount is not what was pushed. */
  | { type: "amount_mismatch" }
  /** Paid, but its payment session was removed (cart edited or cancelled) before capture. */
  | { type: "session_closed" }
  /** Paid, but another push on the same session was already paid. */
  | { type: "second_payment" }
  /** Reconciliation gave up: too old to settle by STK Query alone. */
  | { type: "unresolved" }
  /** The merchant attached a payment in review to an order awaiting it (captured there). */
  | { type: "review_attached" }
  /** The merchant sent a payment in review back to the phone that paid (a reversal). */
  | { type: "review_refunded" }

export type StkTransition = {
  state: StkState
  /** False when the event leaves the request as it was. */
  changed: boolean
  /** Why a request went to review (stored in `flag`). */
  flag?: string
}

export const STK_STATES: StkState[] = ["pending", "paid", "failed", "cancelled", "expired", "review", "refunded"]
export const STK_EVENTS: StkEvent[] = [
  { type: "confirmed_paid" },
  { type: "confirmed_unpaid", outcome: "failed" },
  { type: "confirmed_unpaid", outcome: "cancelled" },
  { type: "confirmed_unpaid", outcome: "expired" },
  { type: "still_open" },
  { type: "query_error" },
  { type: "callback_disagrees" },
  { type: "amount_mismatch" },
  { type: "session_closed" },
  { type: "second_payment" },
  { type: "unresolved" },
  { type: "review_attached" },
  { type: "review_refunded" },
]

const stay = (state: StkState): StkTransition => ({ state, changed: false })
const review = (flag: string): StkTransition => ({ state: "review", changed: true, flag })

/**
 * Whether a merchant's review action may go ahead on a request in `state`:
 * the transition moves it, or (refund only) it already was sent back and an
 * earlier reversal failed, which the refund plan decides.
 */
export function reviewActionAllowed(state: StkState, event: { type: "review_attached" | "review_refunded" }): boolean {
  return nextStkState(state, event).changed || (state === "refunded" && event.type === "review_refunded")
}

export function nextStkState(state: StkState, event: StkEvent): StkTransition {
  switch (state) {
    case "pending":
      switch (event.type) {
        case "confirmed_paid":
          return { state: "paid", changed: true }
        case "confirmed_unpaid":
          return { state: event.outcome, changed: true }
        case "callback_disagrees":
          return review("query_disagrees")
        case "amount_mismatch":
        case "session_closed":
        case "second_payment":
          return review(event.type === "session_closed" ? "paid_after_session_closed" : event.type)
        case "unresolved":
          return review("unresolved")
        default:
          return stay(state)
      }
    case "paid":
      // Money that arrived stays arrived; only the capture can still go wrong.
      if (event.type === "session_closed") {
        return review("paid_after_session_closed")
      }
      if (event.type === "second_payment") {
        return review("second_payment")
      }
      return stay(state)
    case "failed":
    case "cancelled":
    case "expired":
      if (event.type === "confirmed_paid" || event.type === "session_closed" || event.type === "second_payment") {
        return review(`paid_after_${state}`)
      }
      return stay(state)
    case "review":
      // The merchant decides (attach to the order or refund); nothing automatic moves it.
      if (event.type === "review_attached") {
        return { state: "paid", changed: true }
      }
      if (event.type === "review_refunded") {
        return { state: "refunded", changed: true }
      }
      return stay(state)
    case "refunded":
      // Sent back from review: the refund rows say how far Safaricom got. Nothing
      // moves it again (a failed reversal is retried from here, see reviewActionAllowed).
      return stay(state)
  }
}
