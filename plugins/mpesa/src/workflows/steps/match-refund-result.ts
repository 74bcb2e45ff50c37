import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { MPESA_MODULE } from "../../modules/mpesa"
import type MpesaModuleService from "../../modules/mpesa/service"
import { parseInitiatorResult, type InitiatorResult } from "../../utils/initiator-result"

export type MatchRefundResultStepInput = {
  callback_log_id: string
  /** "result": a Reversal/B2C result (matched by the refund's own ids); "status": a Transaction Status answer. */
  as: "result" | "status"
}

export type MatchedRefundResult = {
  refund_id?: string
  /** Daraja's ids from the result, for a reversal whose request got no answer (matched by receipt). */
  adopt_ids?: { conversation_id: string; originator_conversation_id: string; ids_from_result: true }
  /** The refund lock's key part (the order, or the refund itself when it has none). */
  lock_id?: string
  result?: InitiatorResult
  note: string
}

export const matchRefundResultStepId = "match-mpesa-refund-result"

/** Finds the refund a result body is about. Reads only. */
export const matchRefundResultStep = createStep(
  matchRefundResultStepId,
  async ({ callback_log_id, as }: MatchRefundResultStepInput, { container }) => {
    const mpesa = container.resolve<MpesaModuleService>(MPESA_MODULE)
    const [log] = await mpesa.listCallbackLogs({ id: callback_log_id })
    const parsed = parseInitiatorResult(log?.body)
    if (!parsed.ok) {
      return new StepResponse<MatchedRefundResult>({ note: log ? `malformed result: ${parsed.reason}` : "callback log is gone" })
    }
    const { result } = parsed
    const candidates =
      as === "status"
        ? await mpesa.listReversals({ status_conversation_id: result.originatorConversationId })
        : [
            ...(await mpesa.listReversals({ conversation_id: result.conversationId })),
            ...(await mpesa.listReversals({ originator_conversation_id: result.originatorConversationId })),
            // B2C payouts send the refund's id as their OriginatorConversationID.
            ...(await mpesa.listReversals({ id: result.originatorConversationId })),
          ]
    let refund = candidates[0]
    let adopt: MatchedRefundResult["adopt_ids"]
    const original = result.parameters.OriginalTransactionID
    if (!refund && as === "result" && typeof original === "string") {
      // A reversal whose request timed out has no Daraja ids; its result names the
      // payment it reversed. Take its ids as a lead for Transaction Status only.
      ;[refund] = await mpesa.listReversals({
        method: "reversal",
        receipt_number: original.toUpperCase(),
        status: ["requested", "unknown"],
        conversation_id: null,
      })
      if (refund) {
        adopt = {
          conversation_id: result.conversationId,
          originator_conversation_id: result.originatorConversationId,
          ids_from_result: true,
        }
      }
    }
    if (!refund) {
      return new StepResponse<MatchedRefundResult>({ result, note: `no refund has these ids; ignored` })
    }
    return new StepResponse<MatchedRefundResult>({
      refund_id: refund.id,
      ...(adopt ? { adopt_ids: adopt } : {}),
      lock_id: refund.order_id ?? refund.id,
      result,
      note: `${as} for ${refund.method} ${refund.id}`,
    })
  }
)
