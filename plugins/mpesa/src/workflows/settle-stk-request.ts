import { acquireLockStep, emitEventStep, processPaymentWorkflow, releaseLockStep } from "@medusajs/medusa/core-flows"
import { PaymentActions, PaymentEvents } from "@medusajs/framework/utils"
import { createWorkflow, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { nextStkState } from "../utils/stk-request-transitions"
import { applyStkDecisionStep } from "./steps/apply-stk-decision"
import { decideStkOutcomeStep, type StkDecision } from "./steps/decide-stk-outcome"
import { ensureStkRequestStep } from "./steps/ensure-stk-request"
import { markStkCapturedStep } from "./steps/mark-stk-captured"
import { routeMpesaCaptureStep } from "./steps/route-mpesa-capture"
import { updateMpesaSessionDataStep } from "./steps/update-mpesa-session-data"

export type SettleStkRequestWorkflowInput = {
  checkout_request_id: string
  /** The callback that triggered this, if any; without one STK Query decides. */
  callback_log_id?: string
  /** The reconciler's clock, for the abandoned-cart grace period. */
  now?: string
  /** Past the maximum age: if STK Query still cannot settle it, it goes to review. */
  final_check?: boolean
}

export const settleStkRequestWorkflowId = "settle-mpesa-stk-request"

/** Emitted when a prompt ends unpaid (cancelled, wrong PIN, timeout, …). */
export const MPESA_PAYMENT_FAILED_EVENT = "payment.failed"

/** Emitted once when a request enters the review queue (`{ id, flag }`): the merchant is alerted. */
export const MPESA_REVIEW_FLAGGED_EVENT = "mpesa.review_flagged"

/**
 * Settles one STK push from a callback or from STK Query: paid ones are
 * captured through Medusa's processPaymentWorkflow (which also completes the
 * cart if the order is not placed yet), failed ones are recorded and announced.
 * One lock per CheckoutRequestID makes replays and concurrent callbacks count once.
 */
export const settleStkRequestWorkflow = createWorkflow(
  settleStkRequestWorkflowId,
  (input: SettleStkRequestWorkflowInput) => {
    const lockKey = transform({ input }, ({ input }) => `mpesa-stk:${input.checkout_request_id}`)
    acquireLockStep({ key: lockKey, timeout: 30, ttl: 120 })

    const request = ensureStkRequestStep({ checkout_request_id: input.checkout_request_id })
    const decision = decideStkOutcomeStep({ request, callback_log_id: input.callback_log_id, final_check: input.final_check })
    applyStkDecisionStep({ decision, callback_log_id: input.callback_log_id, now: input.now })

    const toCapture = transform({ decision }, ({ decision }) =>
      (decision.action === "pay" || decision.action === "capture") && decision.capture ? decision : undefined
    )
    const capture = when("mpesa-paid", { toCapture }, ({ toCapture }) => !!toCapture).then(() =>
      routeMpesaCaptureStep({
        session_id: transform({ toCapture }, ({ toCapture }) => toCapture!.session_id!),
        receipt_number: transform({ toCapture }, ({ toCapture }) => toCapture!.receipt_number),
        settled_at: transform({ request }, ({ request }) => request?.settled_at ?? null),
        now: input.now,
      })
    )
    when("mpesa-capture-in-medusa", { capture }, ({ capture }) =>
      capture?.route === "order" || capture?.route === "complete"
    ).then(() => {
      processPaymentWorkflow.runAsStep({
        input: transform({ toCapture, capture }, ({ toCapture, capture }) => ({
          action: PaymentActions.SUCCESSFUL,
          data: { session_id: toCapture!.session_id!, amount: capture!.amount },
        })),
      })
    })
    when("mpesa-mark-captured", { capture }, ({ capture }) => !!capture && capture.route !== "cart" && capture.route !== "gone").then(() => {
      markStkCapturedStep({ request_id: transform({ toCapture }, ({ toCapture }) => toCapture!.request_id!) })
    })
    // Captured without our processPaymentWorkflow run announcing it: by cart
    // completion (the callback won the race with "place order"), or by a run
    // whose worker died after Medusa's capture, before the ledger noted it. The
    // ledger learns of it here once (captured_at was empty), so this is the one
    // announcement. A worker that dies after the ledger noted the capture but
    // before the events went out is reconciliation's (reconcile-announcements.ts).
    when("mpesa-announce-capture", { capture }, ({ capture }) => capture?.route === "done" && !!capture.payment_id).then(() => {
      emitEventStep({
        eventName: PaymentEvents.CAPTURED,
        data: transform({ capture }, ({ capture }) => ({ id: capture!.payment_id! })),
      }).config({ name: "announce-mpesa-capture" })
    })

    // The session went away between the decision and the capture (the cart was
    // edited at that moment): the money arrived and nothing holds it, so the
    // paid request goes to the merchant's review queue, never to "captured".
    const gone = transform({ capture, toCapture }, ({ capture, toCapture }): StkDecision | undefined => {
      if (capture?.route !== "gone") {
        return undefined
      }
      const next = nextStkState("paid", { type: "session_closed" })
      return {
        action: "flag",
        request_id: toCapture!.request_id,
        status: next.state as StkDecision["status"],
        flag: next.flag,
        note: "paid, but its payment session was removed while it was being captured; needs the merchant",
      }
    })
    when("mpesa-session-gone", { gone }, ({ gone }) => !!gone).then(() => {
      applyStkDecisionStep({ decision: transform({ gone }, ({ gone }) => gone!), now: input.now }).config({
        name: "flag-mpesa-session-gone",
      })
    })

    const failed = transform({ decision }, ({ decision }) => (decision.action === "fail" ? decision : undefined))
    when("mpesa-failed", { failed }, ({ failed }) => !!failed).then(() => {
      updateMpesaSessionDataStep({
        session_id: transform({ failed }, ({ failed }) => failed!.session_id!),
        patch: transform({ failed }, ({ failed }) => ({
          status: "failed" as const,
          reason: failed!.reason,
          shopper_message: failed!.shopper_message,
        })),
      }).config({ name: "mark-session-failed" })
      emitEventStep({
        eventName: MPESA_PAYMENT_FAILED_EVENT,
        data: transform({ failed }, ({ failed }) => ({
          id: failed!.session_id,
          payment_session_id: failed!.session_id,
          provider: "mpesa",
          result_code: failed!.result_code,
          reason: failed!.reason,
        })),
      })
    })

    // "flag" is decided only when the state machine moved the request into review, so this fires once per request.
    // A session that vanished at capture time (`gone`) is the other way into review.
    const flagged = transform({ decision, gone }, ({ decision, gone }) =>
      gone ?? (decision.action === "flag" && decision.status === "review" && decision.request_id ? decision : undefined)
    )
    when("mpesa-review-flagged", { flagged }, ({ flagged }) => !!flagged).then(() => {
      emitEventStep({
        eventName: MPESA_REVIEW_FLAGGED_EVENT,
        data: transform({ flagged }, ({ flagged }) => ({ id: flagged!.request_id!, flag: flagged!.flag ?? null })),
      }).config({ name: "announce-mpesa-review" })
    })

    releaseLockStep({ key: lockKey })
    return new WorkflowResponse(decision)
  }
)
