import { acquireLockStep, releaseLockStep } from "@medusajs/medusa/core-flows"
import { createStep, createWorkflow, StepResponse, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { MPESA_MODULE } from "../modules/mpesa"
import type MpesaModuleService from "../modules/mpesa/service"
import { readRefundStatus, statusAnswerIds } from "../utils/refund-status"
import type { RefundEvent } from "../utils/refund-transitions"
import { refundLockKey } from "./request-mpesa-refund"
import { applyRefundEventStep } from "./steps/apply-refund-event"
import { matchRefundResultStep } from "./steps/match-refund-result"
import { noteRefundCallback } from "./steps/update-callback-log"

export type SettleMpesaRefundStatusWorkflowInput = { callback_log_id: string }

export const settleMpesaRefundStatusWorkflowId = "settle-mpesa-refund-status"

const readRefundStatusStep = createStep(
  "read-mpesa-refund-status",
  async ({ refund_id, result }: { refund_id?: string; result?: Parameters<typeof readRefundStatus>[0] }, { container }) => {
    if (!refund_id || !result) {
      return new StepResponse({ event: undefined as RefundEvent | undefined, note: "no refund", patch: {} })
    }
    const mpesa = container.resolve<MpesaModuleService>(MPESA_MODULE)
    const refund = await mpesa.retrieveReversal(refund_id)
    const ids = statusAnswerIds(result)
    const elsewhere = ids.length
      ? await mpesa.listReversals({ $or: [{ conversation_id: ids }, { originator_conversation_id: ids }], id: { $ne: refund.id } } as never)
      : []
    const reading = readRefundStatus(result, refund, elsewhere.length > 0)
    return new StepResponse({
      event: reading.event as RefundEvent | undefined,
      note: reading.note,
      patch: {
        ...(reading.event && "receipt" in reading && reading.receipt && refund.method === "b2c" ? { payout_receipt: reading.receipt } : {}),
        ...(reading.event ? { raw_result: { status: result.parameters, code: result.resultCode } } : {}),
      },
    })
  }
)

/**
 * Applies Daraja's Transaction Status answer about a refund: the one message
 * that settles it as done (reversed / paid out) or failed. Recording the
 * Medusa refund is separate (record-mpesa-refund), so a failure there never
 * undoes what Safaricom confirmed; reconciliation retries it.
 */
export const settleMpesaRefundStatusWorkflow = createWorkflow(
  settleMpesaRefundStatusWorkflowId,
  (input: SettleMpesaRefundStatusWorkflowInput) => {
    const matched = matchRefundResultStep({ callback_log_id: input.callback_log_id, as: "status" })
    const key = transform({ matched }, ({ matched }) => (matched.lock_id ? refundLockKey(matched.lock_id) : undefined))
    acquireLockStep({ key, timeout: 30, ttl: 120 })
    const reading = readRefundStatusStep({ refund_id: matched.refund_id, result: matched.result })
    const applied = applyRefundEventStep({ refund_id: matched.refund_id, event: reading.event, patch: reading.patch })
    releaseLockStep({ key })
    const outcome = transform({ matched, reading, applied }, ({ matched, reading, applied }) => ({
      refund_id: matched.refund_id,
      status: applied.refund?.status,
      changed: applied.changed,
      note: matched.refund_id ? reading.note : matched.note,
    }))
    noteRefundCallback(input.callback_log_id, outcome)
    return new WorkflowResponse(outcome)
  }
)
