import { acquireLockStep, processPaymentWorkflow, releaseLockStep } from "@medusajs/medusa/core-flows"
import { MedusaError, PaymentActions } from "@medusajs/framework/utils"
import { createStep, createWorkflow, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { applyReviewEventStep } from "./steps/apply-review-event"
import { markStkCapturedStep } from "./steps/mark-stk-captured"
import { planReviewAttachStep } from "./steps/plan-review-attach"
import { routeMpesaCaptureStep } from "./steps/route-mpesa-capture"

/**
 * The order's session went away (or the order turned back into an open cart)
 * between the plan and the capture: nothing was captured, so the workflow
 * fails and compensation puts the payment back in review.
 */
const refuseUncapturedAttachStep = createStep("refuse-uncaptured-mpesa-attach", async () => {
  throw new MedusaError(
    MedusaError.Types.CONFLICT,
    "The order's payment changed while the payment was being attached; nothing was captured. Look at the order and try again."
  )
})

export type AttachMpesaReviewPaymentWorkflowInput = { request_id: string; order_id: string }

export const attachMpesaReviewPaymentWorkflowId = "attach-mpesa-review-payment"

/** Every merchant action on one payment in review holds this lock. */
export const reviewLockKey = (requestId: string) => `mpesa-review:${requestId}`

/**
 * Attaches a payment held in review to an order awaiting its M-Pesa payment
 * of that amount: the request becomes the order's paid push (state machine:
 * review → paid) and the order's payment is captured the way a callback
 * captures it (routeMpesaCaptureStep, then Medusa's processPaymentWorkflow).
 * If the capture fails, the request goes back to review.
 */
export const attachMpesaReviewPaymentWorkflow = createWorkflow(
  attachMpesaReviewPaymentWorkflowId,
  (input: AttachMpesaReviewPaymentWorkflowInput) => {
    const key = transform({ input }, ({ input }) => reviewLockKey(input.request_id))
    acquireLockStep({ key, timeout: 5, ttl: 120 })
    const planned = planReviewAttachStep({ request_id: input.request_id, order_id: input.order_id })
    const request = applyReviewEventStep({
      request_id: input.request_id,
      event: "review_attached",
      patch: transform({ planned }, ({ planned }) => ({
        order_id: planned.order_id,
        receipt_number: planned.receipt_number,
        // The order's session is the one it pays now: a later payment on it is a second payment.
        payment_session_id: planned.session_id,
        payment_collection_id: planned.payment_collection_id,
      })),
    })
    const capture = routeMpesaCaptureStep({
      session_id: transform({ planned }, ({ planned }) => planned.session_id),
      receipt_number: transform({ planned }, ({ planned }) => planned.receipt_number),
    })
    when("mpesa-review-capture", { capture }, ({ capture }) => capture.route === "order" || capture.route === "complete").then(() => {
      processPaymentWorkflow.runAsStep({
        input: transform({ planned, capture }, ({ planned, capture }) => ({
          action: PaymentActions.SUCCESSFUL,
          data: { session_id: planned.session_id, amount: capture.amount },
        })),
      })
    })
    when("mpesa-review-not-captured", { capture }, ({ capture }) => capture.route === "gone" || capture.route === "cart").then(() => {
      refuseUncapturedAttachStep()
    })
    markStkCapturedStep({ request_id: input.request_id })
    releaseLockStep({ key })
    return new WorkflowResponse(request)
  }
)
