import { MedusaError } from "@medusajs/framework/utils"
import { createStep, createWorkflow, StepResponse, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { mpesaProviderOptions } from "../lib/provider-options"
import { MPESA_MODULE } from "../modules/mpesa"
import type MpesaModuleService from "../modules/mpesa/service"
import { b2cResultUrl, reversalResultUrl } from "../providers/mpesa/callback-urls"
import { DarajaError } from "../providers/mpesa/errors"
import { sharedDarajaClient } from "../providers/mpesa/shared-client"
import { planMpesaRefund, RefundMethod } from "../utils/refund-plan"

export type RequestMpesaRefundWorkflowInput = {
  order_id: string
  /** Whole KES; absent refunds everything not yet refunded. */
  amount_kes?: number
  requested_by?: string
}

export const requestMpesaRefundWorkflowId = "request-mpesa-refund"

type Paid = { id: string; order_id: string | null; receipt_number: string; amount_kes: number; phone: string }
type Planned = { paid: Paid; method: RefundMethod; amount_kes: number }

const planRefundStep = createStep(
  "plan-mpesa-refund",
  async (input: RequestMpesaRefundWorkflowInput, { container }) => {
    const options = mpesaProviderOptions(container)
    const mpesa = container.resolve<MpesaModuleService>(MPESA_MODULE)
    const [paid] = await mpesa.listStkRequests({ order_id: input.order_id, status: "paid" })
    if (!paid?.receipt_number) {
      throw new MedusaError(MedusaError.Types.NOT_ALLOWED, "This order has no M-Pesa payment with a receipt to refund")
    }
    const earlier = await mpesa.listReversals({ stk_request_id: paid.id })
    const plan = planMpesaRefund({
      paidKes: paid.amount_kes,
      requestedKes: input.amount_kes,
      earlier,
      b2cConfigured: !!options.b2c,
    })
    if (!plan.ok) {
      throw new MedusaError(MedusaError.Types.NOT_ALLOWED, plan.reason)
    }
    if (plan.method === "reversal" && (!options.initiatorName || !options.securityCredential)) {
      throw new MedusaError(
        MedusaError.Types.NOT_ALLOWED,
        "M-Pesa refunds need the provider options `initiatorName` and `securityCredential` (MPESA_INITIATOR_NAME, MPESA_SECURITY_CREDENTIAL)"
      )
    }
    return new StepResponse<Planned>({
      paid: { ...paid, receipt_number: paid.receipt_number },
      method: plan.method,
      amount_kes: plan.amountKes,
    })
  }
)

/** Sends the Reversal request. A request that reached Safaricom cannot be taken back. */
const sendReversalStep = createStep(
  "send-mpesa-reversal",
  async ({ planned, requested_by }: { planned: Planned; requested_by?: string }, { container }) => {
    const options = mpesaProviderOptions(container)
    const { paid } = planned
    const ack = await sharedDarajaClient(options).reversal({
      transactionId: paid.receipt_number,
      amount: paid.amount_kes,
      resultUrl: reversalResultUrl(options),
      queueTimeoutUrl: reversalResultUrl(options),
      remarks: "Refund",
    })
    const mpesa = container.resolve<MpesaModuleService>(MPESA_MODULE)
    const reversal = await mpesa.createReversals({
      method: "reversal",
      stk_request_id: paid.id,
      order_id: paid.order_id,
      receipt_number: paid.receipt_number,
      amount_kes: paid.amount_kes,
      conversation_id: ack.conversationId,
      originator_conversation_id: ack.originatorConversationId,
      requested_by: requested_by ?? null,
    })
    return new StepResponse(reversal)
  }
)

/**
 * Records the payout first, so its id can be the OriginatorConversationID
 * (Daraja refuses a repeated one: a retried request never pays twice), then
 * asks Safaricom. A refusal is kept with Daraja's reason; a request whose
 * fate is unknown (time-out) stays pending for the Result to settle.
 */
const sendB2cPayoutStep = createStep(
  "send-mpesa-b2c-payout",
  async ({ planned, requested_by }: { planned: Planned; requested_by?: string }, { container }) => {
    const options = mpesaProviderOptions(container)
    const mpesa = container.resolve<MpesaModuleService>(MPESA_MODULE)
    const { paid } = planned
    const payout = await mpesa.createReversals({
      method: "b2c",
      stk_request_id: paid.id,
      order_id: paid.order_id,
      receipt_number: paid.receipt_number,
      amount_kes: planned.amount_kes,
      msisdn: paid.phone,
      requested_by: requested_by ?? null,
    })
    try {
      const ack = await sharedDarajaClient(options).b2cPayment({
        originatorConversationId: payout.id,
        phone: paid.phone,
        amount: planned.amount_kes,
        resultUrl: b2cResultUrl(options),
        queueTimeoutUrl: b2cResultUrl(options),
        remarks: "Partial refund",
      })
      const updated = await mpesa.updateReversals({
        id: payout.id,
        conversation_id: ack.conversationId,
        originator_conversation_id: ack.originatorConversationId,
      })
      return new StepResponse(updated)
    } catch (error) {
      if (error instanceof DarajaError && error.indeterminate) {
        await mpesa.updateReversals({ id: payout.id, originator_conversation_id: payout.id, result_desc: "No answer from Daraja yet" })
        return new StepResponse(await mpesa.retrieveReversal(payout.id))
      }
      const reason = error instanceof Error ? error.message : String(error)
      await mpesa.updateReversals({ id: payout.id, status: "failed", result_desc: reason, settled_at: new Date() })
      throw new MedusaError(MedusaError.Types.NOT_ALLOWED, `Safaricom did not accept the B2C refund: ${reason}`)
    }
  }
)

/**
 * Refunds an order's M-Pesa payment: in full through Reversal, or in part by
 * B2C. Answers with the pending refund; Medusa records the refund when
 * Safaricom's result confirms it (settle-mpesa-reversal).
 */
export const requestMpesaRefundWorkflow = createWorkflow(
  requestMpesaRefundWorkflowId,
  (input: RequestMpesaRefundWorkflowInput) => {
    const planned = planRefundStep(input)
    const reversal = when("mpesa-refund-by-reversal", { planned }, ({ planned }) => planned.method === "reversal").then(() =>
      sendReversalStep({ planned, requested_by: input.requested_by })
    )
    const payout = when("mpesa-refund-by-b2c", { planned }, ({ planned }) => planned.method === "b2c").then(() =>
      sendB2cPayoutStep({ planned, requested_by: input.requested_by })
    )
    return new WorkflowResponse({ reversal, payout })
  }
)
