import { createStep, createWorkflow, StepResponse, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { candidatesForAccount, candidatesForTill } from "../lib/c2b-candidates"
import { mpesaProviderOptions } from "../lib/provider-options"
import { matchC2bPayment, TILL_CLOCK_SKEW_MS } from "../utils/c2b-match"
import type { C2bNotification } from "../utils/c2b-notification"
import { c2bValidationAnswer, type C2bValidationAnswer } from "../utils/c2b-validation"

export const validateMpesaC2bPaymentWorkflowId = "validate-mpesa-c2b-payment"

/**
 * Decides Daraja's validation question (accept or refuse a payment before
 * the money moves) against the orders awaiting M-Pesa. Writes nothing: a
 * refused payment never happens, and an accepted one arrives as a confirmation.
 */
const decideC2bValidationStep = createStep("decide-mpesa-c2b-validation", async (input: C2bNotification, { container }) => {
  const c2b = mpesaProviderOptions(container).c2b
  const { record } = input
  const paidAt = record.trans_time ? new Date(record.trans_time) : new Date()
  const tillWindowMinutes = c2b?.tillWindowMinutes ?? 60
  const candidates =
    !c2b?.validation || record.amount_kes === null
      ? []
      : record.kind === "paybill"
        ? input.account
          ? await candidatesForAccount(container, input.account)
          : []
        : await candidatesForTill(container, paidAt, tillWindowMinutes, TILL_CLOCK_SKEW_MS)
  const decision = matchC2bPayment(
    { kind: record.kind, account: input.account, amount_kes: record.amount_kes ?? 0, phone: input.phone, trans_time: paidAt },
    candidates,
    { accountFormat: c2b?.accountFormat ?? "both", tillWindowMinutes }
  )
  const answer = c2bValidationAnswer(
    { enabled: !!c2b?.validation, shortcodeOk: !c2b || record.shortcode === c2b.shortcode, amountOk: record.amount_kes !== null, decision },
    record.kind
  )
  return new StepResponse<C2bValidationAnswer>(answer)
})

export const validateMpesaC2bPaymentWorkflow = createWorkflow(validateMpesaC2bPaymentWorkflowId, (input: C2bNotification) => {
  return new WorkflowResponse(decideC2bValidationStep(input))
})
