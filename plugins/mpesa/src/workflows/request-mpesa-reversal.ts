import { MedusaError } from "@medusajs/framework/utils"
import { createStep, createWorkflow, StepResponse, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { mpesaProviderOptions } from "../lib/provider-options"
import { MPESA_MODULE } from "../modules/mpesa"
import type MpesaModuleService from "../modules/mpesa/service"
import { reversalResultUrl } from "../providers/mpesa/callback-urls"
import { sharedDarajaClient } from "../providers/mpesa/shared-client"

export type RequestMpesaReversalWorkflowInput = {
  order_id: string
  /** Whole KES; M-Pesa reversals return the full payment only. */
  amount_kes?: number
  requested_by?: string
}

export const requestMpesaReversalWorkflowId = "request-mpesa-reversal"

const validateReversalStep = createStep(
  "validate-mpesa-reversal",
  async (input: RequestMpesaReversalWorkflowInput, { container }) => {
    const options = mpesaProviderOptions(container)
    if (!options.initiatorName || !options.securityCredential) {
      throw new MedusaError(
        MedusaError.Types.NOT_ALLOWED,
        "M-Pesa refunds need the provider options `initiatorName` and `securityCredential` (MPESA_INITIATOR_NAME, MPESA_SECURITY_CREDENTIAL)"
      )
    }
    const mpesa = container.resolve<MpesaModuleService>(MPESA_MODULE)
    const [paid] = await mpesa.listStkRequests({ order_id: input.order_id, status: "paid" })
    if (!paid?.receipt_number) {
      throw new MedusaError(MedusaError.Types.NOT_ALLOWED, "This order has no M-Pesa payment with a receipt to refund")
    }
    if (input.amount_kes !== undefined && input.amount_kes !== paid.amount_kes) {
      throw new MedusaError(
        MedusaError.Types.NOT_ALLOWED,
        `M-Pesa reversals return the full payment (KES ${paid.amount_kes}); a partial refund of KES ${input.amount_kes} needs B2C, which is not configured`
      )
    }
    const open = await mpesa.listReversals({ stk_request_id: paid.id, status: ["pending", "reversed"] })
    if (open.length) {
      throw new MedusaError(
        MedusaError.Types.NOT_ALLOWED,
        open[0].status === "pending"
          ? "A reversal of this payment is already waiting for Safaricom's answer"
          : "This M-Pesa payment has already been reversed"
      )
    }
    return new StepResponse(paid)
  }
)

type Paid = { id: string; order_id: string | null; receipt_number: string | null; amount_kes: number }

/** Sends the Reversal request. A request that reached Safaricom cannot be taken back. */
const sendReversalStep = createStep(
  "send-mpesa-reversal",
  async ({ paid, requested_by }: { paid: Paid; requested_by?: string }, { container }) => {
    const options = mpesaProviderOptions(container)
    const ack = await sharedDarajaClient(options).reversal({
      transactionId: paid.receipt_number!,
      amount: paid.amount_kes,
      resultUrl: reversalResultUrl(options),
      queueTimeoutUrl: reversalResultUrl(options),
      remarks: "Refund",
    })
    const mpesa = container.resolve<MpesaModuleService>(MPESA_MODULE)
    const reversal = await mpesa.createReversals({
      stk_request_id: paid.id,
      order_id: paid.order_id,
      receipt_number: paid.receipt_number!,
      amount_kes: paid.amount_kes,
      conversation_id: ack.conversationId,
      originator_conversation_id: ack.originatorConversationId,
      requested_by: requested_by ?? null,
    })
    return new StepResponse(reversal)
  }
)

/** Asks Safaricom to reverse an order's M-Pesa payment; the refund is recorded when it confirms. */
export const requestMpesaReversalWorkflow = createWorkflow(
  requestMpesaReversalWorkflowId,
  (input: RequestMpesaReversalWorkflowInput) => {
    const paid = validateReversalStep(input)
    const reversal = sendReversalStep({ paid, requested_by: input.requested_by })
    return new WorkflowResponse(reversal)
  }
)
