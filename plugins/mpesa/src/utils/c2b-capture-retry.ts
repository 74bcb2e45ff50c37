import { MathBN } from "@medusajs/framework/utils"
import type { C2bState } from "./c2b-transitions"

/**
 * Who Medusa records as the capturer of a C2B payment's capture
 * (`capture.created_by`). It carries the TransID, so after a crash the
 * capture can be found again: the one proof that Medusa did take this money.
 */
export const c2bCapturedBy = (transId: string) => `mpesa-c2b:${transId}`

/** States that were decided to pay an order: Medusa must capture them (`captured_at` notes it did). */
export const C2B_CAPTURE_STATES: readonly C2bState[] = ["captured", "partial", "over"]

export type C2bCaptureRetryFacts = {
  state: C2bState
  captured_at: Date | string | null
  /** A capture made by this payment (created_by = c2bCapturedBy) exists in Medusa. */
  captured_in_medusa: boolean
  /** What the payment was planned to capture, in Medusa's units (stored with the match); absent on rows from before it was stored. */
  planned_amount?: number | string | null
  /** What Medusa can still capture on the order's M-Pesa payment now, in its units; null when nothing can (no session, order cancelled). */
  remaining_amount: number | string | null
}

export type C2bCaptureRetryAction =
  /** Nothing to retry: not decided to capture, or the ledger already notes the capture. */
  | { action: "none" }
  /** Finish the run a crash cut short: capture the planned amount unless Medusa has, then note it. */
  | { action: "resume"; captured_in_medusa: boolean }
  /** Medusa never captured it and the order no longer owes the planned amount: the merchant decides. */
  | { action: "review"; reason: string }

/**
 * What a C2B payment left between "decided to capture" and "Medusa's capture
 * noted" (a worker died in between) needs. Medusa either has the capture
 * tagged with its TransID, or it has not, so no amount arithmetic guesses at
 * what happened; only a capture that is still to be made checks the order
 * still owes it, because something else may have paid the order since.
 */
export function decideC2bCaptureRetry(facts: C2bCaptureRetryFacts): C2bCaptureRetryAction {
  if (!C2B_CAPTURE_STATES.includes(facts.state) || facts.captured_at) {
    return { action: "none" }
  }
  if (facts.captured_in_medusa) {
    return { action: "resume", captured_in_medusa: true }
  }
  if (facts.planned_amount == null || !MathBN.gt(facts.planned_amount, 0)) {
    return { action: "review", reason: "the amount it was to capture was not recorded" }
  }
  if (facts.remaining_amount == null || MathBN.lt(facts.remaining_amount, facts.planned_amount)) {
    return {
      action: "review",
      reason: `its capture never happened and the order no longer owes ${facts.planned_amount} (${facts.remaining_amount ?? "nothing"} left to capture)`,
    }
  }
  return { action: "resume", captured_in_medusa: false }
}
