import { acquireLockStep, refundPaymentWorkflow, releaseLockStep } from "@medusajs/medusa/core-flows"
import { ContainerRegistrationKeys, MathBN } from "@medusajs/framework/utils"
import { createStep, createWorkflow, StepResponse, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { MPESA_MODULE } from "../modules/mpesa"
import type MpesaModuleService from "../modules/mpesa/service"
import { confirmReversal } from "../providers/mpesa/reversal-confirmations"
import { toMpesaAmount } from "../utils/amount"
import { parseInitiatorResult } from "../utils/initiator-result"

export type SettleMpesaReversalWorkflowInput = { callback_log_id: string }

export const settleMpesaReversalWorkflowId = "settle-mpesa-reversal"

type Outcome = {
  reversal_id?: string
  status?: "reversed" | "paid_out" | "failed"
  payment_id?: string
  /** What Medusa records as refunded: never more than the payment still holds. */
  amount?: string
  note: string
}

// R000001: Safaricom already reversed it; a repeated request of ours counts as done.
const ALREADY_REVERSED = "R000001"

const decideReversalStep = createStep(
  "decide-mpesa-reversal",
  async ({ callback_log_id }: SettleMpesaReversalWorkflowInput, { container }) => {
    const mpesa = container.resolve<MpesaModuleService>(MPESA_MODULE)
    const [log] = await mpesa.listCallbackLogs({ id: callback_log_id })
    const parsed = parseInitiatorResult(log?.body)
    if (!parsed.ok) {
      return new StepResponse<Outcome>({ note: `malformed reversal result: ${parsed.ok === false ? parsed.reason : ""}` })
    }
    const { result } = parsed
    // By ConversationID, else by the id we sent (B2C payouts send their own id as the originator's).
    const [target] = [
      ...(await mpesa.listReversals({ conversation_id: result.conversationId })),
      ...(await mpesa.listReversals({ originator_conversation_id: result.originatorConversationId })),
      ...(await mpesa.listReversals({ id: result.originatorConversationId })),
    ]
    if (!target) {
      return new StepResponse<Outcome>({ note: "no reversal has this ConversationID; ignored" })
    }
    if (target.status !== "pending") {
      return new StepResponse<Outcome>({ reversal_id: target.id, note: `duplicate: already ${target.status}` })
    }
    const b2c = target.method === "b2c"
    const done = result.success || (!b2c && result.resultCode === ALREADY_REVERSED)
    const status = done ? (b2c ? "paid_out" : "reversed") : "failed"
    const payoutReceipt = b2c && done ? String(result.parameters.TransactionReceipt ?? result.transactionId ?? "") || null : null
    await mpesa.updateReversals({
      id: target.id,
      status,
      result_code: result.resultCode,
      result_desc: result.resultDesc,
      raw_result: log!.body as Record<string, unknown>,
      settled_at: new Date(),
      ...(payoutReceipt ? { payout_receipt: payoutReceipt } : {}),
    })
    await mpesa.updateCallbackLogs({ id: log!.id, matched: true, outcome: status, detail: result.resultDesc })
    if (!done) {
      return new StepResponse<Outcome>({ reversal_id: target.id, status: "failed", note: `Safaricom refused: ${result.resultDesc}` })
    }
    const query = container.resolve(ContainerRegistrationKeys.QUERY)
    const { data } = await query.graph({
      entity: "order",
      fields: [
        "payment_collections.payments.id",
        "payment_collections.payments.provider_id",
        "payment_collections.payments.amount",
        "payment_collections.payments.refunds.amount",
      ],
      filters: { id: target.order_id },
    })
    type Payment = { id: string; provider_id: string; amount: number; refunds?: { amount: number }[] }
    const payment = ((data[0] as { payment_collections?: { payments?: Payment[] }[] } | undefined)?.payment_collections ?? [])
      .flatMap((pc) => pc?.payments ?? [])
      .find((p) => p?.provider_id?.startsWith("pp_mpesa"))
    if (!payment) {
      return new StepResponse<Outcome>({ reversal_id: target.id, status, note: `${status} by Safaricom; no Medusa payment to record it on` })
    }
    // M-Pesa charged whole shillings (rounded up), so the last refund can exceed
    // what Medusa holds by under KES 1: record at most what is left.
    const left = MathBN.sub(payment.amount, MathBN.sum(0, ...(payment.refunds ?? []).map((r) => r.amount)))
    const amount = b2c ? MathBN.min(target.amount_kes, left) : left
    if (MathBN.lte(amount, 0)) {
      return new StepResponse<Outcome>({ reversal_id: target.id, status, note: `${status} by Safaricom; nothing left to record in Medusa` })
    }
    const request = await mpesa.retrieveStkRequest(target.stk_request_id)
    confirmReversal(request.checkout_request_id, toMpesaAmount(amount.toString(), "kes"))
    return new StepResponse<Outcome>({
      reversal_id: target.id,
      status,
      payment_id: payment.id,
      amount: amount.toString(),
      note: `${status} by Safaricom`,
    })
  }
)

const markRefundRecordedStep = createStep(
  "mark-mpesa-refund-recorded",
  async ({ reversal_id }: { reversal_id: string }, { container }) => {
    const mpesa = container.resolve<MpesaModuleService>(MPESA_MODULE)
    await mpesa.updateReversals({ id: reversal_id, refund_recorded_at: new Date() })
    return new StepResponse(null, reversal_id)
  },
  async (reversalId, { container }) => {
    if (reversalId) {
      await container.resolve<MpesaModuleService>(MPESA_MODULE).updateReversals({ id: reversalId, refund_recorded_at: null })
    }
  }
)

/**
 * Applies Safaricom's Reversal or B2C result: a confirmed refund is recorded
 * as a Medusa refund through Medusa's own refund workflow; a refused one keeps
 * Safaricom's reason for the merchant.
 */
export const settleMpesaReversalWorkflow = createWorkflow(
  settleMpesaReversalWorkflowId,
  (input: SettleMpesaReversalWorkflowInput) => {
    acquireLockStep({ key: "mpesa-reversal-results", timeout: 30, ttl: 120 })
    const outcome = decideReversalStep(input)
    when("mpesa-reversal-refund", { outcome }, ({ outcome }) => outcome.status !== "failed" && !!outcome.payment_id).then(
      () => {
        refundPaymentWorkflow.runAsStep({
          input: transform({ outcome }, ({ outcome }) => ({
            payment_id: outcome.payment_id!,
            amount: outcome.amount,
            created_by: "mpesa-reversal",
            note: outcome.status === "paid_out" ? "M-Pesa B2C refund paid by Safaricom" : "M-Pesa reversal confirmed by Safaricom",
          })),
        })
        markRefundRecordedStep({ reversal_id: transform({ outcome }, ({ outcome }) => outcome.reversal_id!) })
      }
    )
    releaseLockStep({ key: "mpesa-reversal-results" })
    return new WorkflowResponse(outcome)
  }
)
