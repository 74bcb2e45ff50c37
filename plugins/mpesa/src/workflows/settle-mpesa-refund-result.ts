import { acquireLockStep, releaseLockStep } from "@medusajs/medusa/core-flows"
import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { refundLockKey } from "./request-mpesa-refund"
import { applyRefundEventStep } from "./steps/apply-refund-event"
import { askRefundStatusStep } from "./steps/ask-refund-status"
import { matchRefundResultStep } from "./steps/match-refund-result"
import { noteRefundCallback } from "./steps/update-callback-log"

export type SettleMpesaRefundResultWorkflowInput = { callback_log_id: string }

export const settleMpesaRefundResultWorkflowId = "settle-mpesa-refund-result"

/**
 * Applies a Reversal or B2C result posted to our ResultURL. Unsigned, so it
 * only moves the refund to "confirming" and asks Transaction Status; the
 * refund is settled (and recorded in Medusa) when that answer arrives
 * (settle-mpesa-refund-status), whatever this body claimed. Steps do nothing
 * when the result matched no refund.
 */
export const settleMpesaRefundResultWorkflow = createWorkflow(
  settleMpesaRefundResultWorkflowId,
  (input: SettleMpesaRefundResultWorkflowInput) => {
    const matched = matchRefundResultStep({ callback_log_id: input.callback_log_id, as: "result" })
    const key = transform({ matched }, ({ matched }) => (matched.lock_id ? refundLockKey(matched.lock_id) : undefined))
    acquireLockStep({ key, timeout: 30, ttl: 120 })
    const applied = applyRefundEventStep({
      refund_id: matched.refund_id,
      event: { type: "result_received" },
      patch: transform({ matched }, ({ matched }) =>
        matched.result
          ? { result_code: matched.result.resultCode, result_desc: matched.result.resultDesc, ...(matched.adopt_ids ?? {}) }
          : {}
      ),
    })
    const asked = askRefundStatusStep({ refund_id: matched.refund_id, when_status: ["confirming"] })
    releaseLockStep({ key })
    const outcome = transform({ matched, applied, asked }, ({ matched, applied, asked }) => ({
      refund_id: matched.refund_id,
      status: applied.refund?.status,
      note: matched.refund_id ? asked.note : matched.note,
    }))
    noteRefundCallback(input.callback_log_id, outcome)
    return new WorkflowResponse(outcome)
  }
)
