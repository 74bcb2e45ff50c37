import { authorizePaymentSessionStep, capturePaymentWorkflow, emitEventStep } from "@medusajs/medusa/core-flows"
import { MedusaError, PaymentEvents } from "@medusajs/framework/utils"
import { transform, when, type WorkflowData } from "@medusajs/framework/workflows-sdk"
import { c2bCapturedBy } from "../../utils/c2b-capture-retry"
import { findC2bCaptureStep } from "../steps/find-c2b-capture"
import type { C2bCapturePlan } from "../steps/match-c2b-payment"
import { markC2bCapturedStep, prepareC2bCaptureStep } from "../steps/prepare-c2b-capture"

/**
 * Captures a C2B payment in Medusa and notes it in the ledger, the same way
 * from the settle workflow, the merchant's attach and the crash retry. Adds
 * steps to the workflow being composed: call it in a workflow's body.
 *
 * The capture is tagged with the TransID (`created_by`, c2bCapturedBy), so a
 * run that a dying worker cut short is finished by running this again: a
 * capture Medusa already holds is not made twice, only noted, and announced
 * because the cut-short run's `payment.captured` never went out.
 *
 * Medusa's processPaymentWorkflow would do the authorize-and-capture too, but
 * cannot pass `captured_by`; C2B pays placed orders only, so its cart
 * completion branch is never needed here.
 */
export function captureC2bInMedusa(input: { id: WorkflowData<string | undefined> | string; capture: WorkflowData<C2bCapturePlan | undefined> }) {
  // Each part is its own top-level when: Medusa's workflows do not nest when-then.
  const { capture } = input
  prepareC2bCaptureStep(capture)
  const found = findC2bCaptureStep(capture)
  const authorized = when("mpesa-c2b-authorize", { capture, found }, ({ capture, found }) => !!capture && !found.payment_id && !found.captured).then(() =>
    authorizePaymentSessionStep({ id: transform({ capture }, ({ capture }) => capture!.session_id), context: {} })
  )
  when("mpesa-c2b-capture-in-medusa", { capture, found }, ({ capture, found }) => !!capture && !found.captured).then(() => {
    capturePaymentWorkflow.runAsStep({
      input: transform({ capture, found, authorized }, ({ capture, found, authorized }) => {
        const paymentId = found.payment_id ?? authorized?.id
        if (!paymentId) {
          throw new MedusaError(MedusaError.Types.NOT_ALLOWED, `M-Pesa payment session ${capture!.session_id} was not authorized, so ${capture!.trans_id} cannot be captured`)
        }
        return { payment_id: paymentId, amount: capture!.amount, captured_by: c2bCapturedBy(capture!.trans_id) }
      }),
    })
  })
  when("mpesa-c2b-note-capture", { capture }, ({ capture }) => !!capture).then(() => {
    markC2bCapturedStep({ id: transform({ id: input.id }, ({ id }) => id!) })
  })
  when("mpesa-c2b-announce-earlier-capture", { found }, ({ found }) => !!found.captured_payment_id).then(() => {
    emitEventStep({
      eventName: PaymentEvents.CAPTURED,
      data: transform({ found }, ({ found }) => ({ id: found.captured_payment_id! })),
    }).config({ name: "announce-mpesa-c2b-capture" })
  })
}
