import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { MPESA_MODULE } from "../../modules/mpesa"
import type MpesaModuleService from "../../modules/mpesa/service"
import { readC2bStatus } from "../../utils/c2b-status"
import type { C2bEvent } from "../../utils/c2b-transitions"
import { parseInitiatorResult } from "../../utils/initiator-result"

export type ReadC2bConfirmationStepInput = {
  /** The payment, when the caller knows it (Pull Transactions, the job). */
  id?: string
  /** Daraja's word the caller already has (Pull Transactions lists it). */
  event?: C2bEvent
  /** A Transaction Status result in the callback log: which payment it is about is found by its ids. */
  callback_log_id?: string
}

export type ReadC2bConfirmation = { id?: string; event?: C2bEvent; note: string; checked_at?: string }

export const readC2bConfirmationStepId = "read-mpesa-c2b-confirmation"

/**
 * What Daraja says about a C2B payment, as an event of its state machine:
 * from a Transaction Status result (matched to the payment by the query's
 * conversation ids, never by what the body claims), or as given. Writes nothing.
 */
export const readC2bConfirmationStep = createStep(
  readC2bConfirmationStepId,
  async (input: ReadC2bConfirmationStepInput, { container }) => {
    if (!input.callback_log_id) {
      return new StepResponse<ReadC2bConfirmation>({ id: input.id, event: input.event, note: "as given" })
    }
    const mpesa = container.resolve<MpesaModuleService>(MPESA_MODULE)
    const [log] = await mpesa.listCallbackLogs({ id: input.callback_log_id })
    const parsed = log ? parseInitiatorResult(log.body) : undefined
    if (!parsed?.ok) {
      return new StepResponse<ReadC2bConfirmation>({ note: "not a Transaction Status result" })
    }
    const ids = [parsed.result.conversationId, parsed.result.originatorConversationId]
    const [payment] = await mpesa.listC2bPayments({ status_conversation_id: ids })
    if (!payment) {
      return new StepResponse<ReadC2bConfirmation>({ note: "not about a C2B payment" })
    }
    const reading = readC2bStatus(parsed.result, { trans_id: payment.trans_id, amount_kes: payment.amount_kes ?? null })
    return new StepResponse<ReadC2bConfirmation>({ id: payment.id, event: reading.event, note: reading.note, checked_at: new Date().toISOString() })
  }
)
