import { acquireLockStep, releaseLockStep } from "@medusajs/medusa/core-flows"
import { MedusaError } from "@medusajs/framework/utils"
import { createStep, createWorkflow, StepResponse, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { MPESA_MODULE } from "../modules/mpesa"
import type MpesaModuleService from "../modules/mpesa/service"
import { c2bActionRefusal, type C2bPaymentFacts } from "../utils/c2b-labels"
import { c2bLockKey } from "./settle-mpesa-c2b-payment"
import { applyC2bEventStep } from "./steps/apply-c2b-event"
import { matchC2bPaymentStep, type MatchedC2bPayment } from "./steps/match-c2b-payment"
import { captureC2bInMedusa } from "./utils/capture-c2b-in-medusa"

export type AttachMpesaC2bPaymentWorkflowInput = { id: string; order_id: string }

export const attachMpesaC2bPaymentWorkflowId = "attach-mpesa-c2b-payment"

/**
 * Refuses (409) a payment that may not be attached at all: already settled,
 * or money Safaricom did not confirm as reported (it may never have arrived,
 * so it must not pay an order). Reads inside the lock; writes nothing.
 */
const requireAttachableC2bStep = createStep("require-attachable-mpesa-c2b", async ({ id }: { id: string }, { container }) => {
  const [row] = await container.resolve<MpesaModuleService>(MPESA_MODULE).listC2bPayments({ id })
  if (!row) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `No paybill/till payment with id ${id}`)
  }
  const refusal = c2bActionRefusal(row as C2bPaymentFacts)
  if (refusal) {
    throw new MedusaError(MedusaError.Types.CONFLICT, `Payment ${row.trans_id} cannot be matched to an order: ${refusal}`)
  }
  return new StepResponse(row.id)
})

/** Refuses (409 with the reason) an attach the order cannot take; writes nothing. */
const requireC2bCaptureStep = createStep("require-mpesa-c2b-capture", async ({ matched, order_id }: { matched: MatchedC2bPayment; order_id: string }) => {
  const d = matched.decision
  if (!d || !matched.capture) {
    const why =
      d?.decision === "already_paid"
        ? "that order is already paid; refund this payment instead, or choose the order it was meant for"
        : d && "reason" in d
          ? d.reason
          : "the order has no M-Pesa payment awaiting money"
    throw new MedusaError(MedusaError.Types.CONFLICT, `This payment cannot pay order ${order_id}: ${why}`)
  }
  return new StepResponse(matched.capture)
})

/**
 * The merchant attaches an unmatched (or in-review) C2B payment to an order
 * awaiting M-Pesa: the state machine moves it to captured and Medusa
 * captures what it pays (all of it, or the order's balance when it pays more).
 * A capture that fails puts everything back.
 */
export const attachMpesaC2bPaymentWorkflow = createWorkflow(attachMpesaC2bPaymentWorkflowId, (input: AttachMpesaC2bPaymentWorkflowInput) => {
  const key = transform({ input }, ({ input }) => c2bLockKey(input.id))
  acquireLockStep({ key, timeout: 5, ttl: 120 })
  requireAttachableC2bStep({ id: input.id })
  const matched = matchC2bPaymentStep({ id: input.id, run: true, order_id: input.order_id })
  const capture = requireC2bCaptureStep({ matched, order_id: input.order_id })
  const applied = applyC2bEventStep({
    id: input.id,
    event: { type: "merchant_attached" },
    must_change: true,
    patch: transform({ matched, capture }, ({ matched, capture }) => ({
      match_decision: matched.decision!.decision,
      match_detail: { ...matched.decision, attached_by_merchant: true, capture_amount: capture.amount },
      matched_at: new Date(),
      order_id: capture.order_id,
      payment_collection_id: capture.payment_collection_id,
    })),
  })
  captureC2bInMedusa({ id: input.id, capture })
  releaseLockStep({ key })
  return new WorkflowResponse(transform({ applied, capture }, ({ applied, capture }) => ({ id: applied.id, state: applied.state, order_id: capture.order_id })))
})
