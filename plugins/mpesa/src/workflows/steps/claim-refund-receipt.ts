import { MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { MPESA_MODULE } from "../../modules/mpesa"
import type MpesaModuleService from "../../modules/mpesa/service"
import { resolveRefusal } from "../../utils/refund-resolution"
import { refundConversationId } from "./ask-refund-status"

export type ClaimRefundReceiptStepInput = {
  refund_id: string
  receipt?: string
  found_nothing?: boolean
  actor_id?: string
}

export const claimRefundReceiptStepId = "claim-mpesa-refund-receipt"

type Before = { id: string; claimed_receipt: string | null; claimed_by: string | null }

/**
 * Checks that the refund may be resolved by hand (utils/refund-resolution)
 * and notes who resolved it and, with a receipt, which one: Transaction
 * Status is then asked about that receipt, and its answer settles the refund
 * at the status hook like any other. Compensation removes the claim.
 */
export const claimRefundReceiptStep = createStep(
  claimRefundReceiptStepId,
  async (input: ClaimRefundReceiptStepInput, { container }) => {
    const mpesa = container.resolve<MpesaModuleService>(MPESA_MODULE)
    const [refund] = await mpesa.listReversals({ id: input.refund_id })
    if (!refund) {
      throw new MedusaError(MedusaError.Types.NOT_FOUND, `No M-Pesa refund has the id ${input.refund_id}.`)
    }
    const taken = input.receipt
      ? (
          await mpesa.listReversals({
            $or: [{ claimed_receipt: input.receipt }, { payout_receipt: input.receipt }],
            id: { $ne: refund.id },
          } as never)
        ).length > 0
      : false
    const refusal = resolveRefusal(
      { status: refund.status, receipt_number: refund.receipt_number, daraja_id: refundConversationId(refund) },
      input,
      taken
    )
    if (refusal) {
      throw new MedusaError(refusal.status === 409 ? MedusaError.Types.CONFLICT : MedusaError.Types.INVALID_DATA, refusal.message)
    }
    const before: Before = { id: refund.id, claimed_receipt: refund.claimed_receipt, claimed_by: refund.claimed_by }
    await mpesa.updateReversals({
      id: refund.id,
      claimed_receipt: input.receipt ?? null,
      claimed_by: input.actor_id ?? "admin",
    })
    return new StepResponse({ refund_id: refund.id, order_id: refund.order_id }, before)
  },
  async (before, { container }) => {
    if (before) {
      await container.resolve<MpesaModuleService>(MPESA_MODULE).updateReversals(before)
    }
  }
)
