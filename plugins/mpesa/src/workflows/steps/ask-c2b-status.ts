import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { mpesaProviderOptions } from "../../lib/provider-options"
import { MPESA_MODULE } from "../../modules/mpesa"
import type MpesaModuleService from "../../modules/mpesa/service"
import { statusResultUrl } from "../../providers/mpesa/callback-urls"
import { sharedDarajaClient } from "../../providers/mpesa/shared-client"
import { nextCheckDelayMs } from "../../utils/reconcile-backoff"

export type AskC2bStatusOutput = { asked: boolean; note: string }

export const askC2bStatusStepId = "ask-mpesa-c2b-status"

/**
 * Asks Daraja's Transaction Status about a received C2B payment's TransID
 * (the initiator plumbing refunds use); the answer arrives at the status
 * hook and settles it (settle-mpesa-c2b-payment). Only bookkeeping is
 * written here: the query's conversation id, or the failure and when to
 * ask again. Asking twice is harmless, so nothing is undone.
 */
export const askC2bStatusStep = createStep(askC2bStatusStepId, async ({ id }: { id: string }, { container }) => {
  const mpesa = container.resolve<MpesaModuleService>(MPESA_MODULE)
  const payment = await mpesa.retrieveC2bPayment(id)
  if (payment.state !== "received" && payment.state !== "declined") {
    return new StepResponse<AskC2bStatusOutput>({ asked: false, note: `already ${payment.state}` })
  }
  const options = mpesaProviderOptions(container)
  const now = new Date()
  try {
    const ack = await sharedDarajaClient(options).transactionStatus({
      transactionId: payment.trans_id,
      resultUrl: statusResultUrl(options),
      queueTimeoutUrl: statusResultUrl(options),
      partyA: payment.shortcode,
      identifierType: payment.kind === "till" ? "2" : "4",
      remarks: "C2B check",
    })
    await mpesa.updateC2bPayments({ id, status_conversation_id: ack.conversationId, last_checked_at: now, next_check_at: null })
    return new StepResponse<AskC2bStatusOutput>({ asked: true, note: "Transaction Status asked" })
  } catch (error) {
    const failures = (payment.check_failures ?? 0) + 1
    await mpesa.updateC2bPayments({
      id,
      last_checked_at: now,
      check_failures: failures,
      next_check_at: new Date(now.getTime() + nextCheckDelayMs(failures)),
    })
    return new StepResponse<AskC2bStatusOutput>({ asked: false, note: `Transaction Status could not be asked: ${(error as Error).message}` })
  }
})
