import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { mpesaProviderOptions } from "../../lib/provider-options"
import { MPESA_MODULE } from "../../modules/mpesa"
import type MpesaModuleService from "../../modules/mpesa/service"
import { b2cResultUrl, reversalResultUrl } from "../../providers/mpesa/callback-urls"
import { DarajaError } from "../../providers/mpesa/errors"
import { sharedDarajaClient } from "../../providers/mpesa/shared-client"
import type { InitiatorAck } from "../../providers/mpesa/client"
import { applyRefundEvent, type RefundRecord } from "./apply-refund-event"
import type { PlannedMpesaRefund } from "./plan-mpesa-refund"

export type SendMpesaRefundStepInput = { refund: RefundRecord; planned: PlannedMpesaRefund }

/** What Daraja said when asked: the route turns it into 202 / 502. */
export type MpesaRefundSendOutcome = {
  refund: RefundRecord
  outcome: "accepted" | "refused" | "unknown"
  /** Daraja's reason for a refusal, or what happened when it did not answer. */
  message?: string
}

export const sendMpesaRefundStepId = "send-mpesa-refund"

/**
 * Asks Safaricom for the refund (Reversal for the whole payment, B2C for a
 * part) and records what it answered through the refund state machine. It
 * never throws for Daraja's answer: a refusal is kept with its reason, and
 * no answer leaves the refund "unknown", which blocks the next refund until
 * Transaction Status resolves it. A request that reached Safaricom cannot be
 * taken back, so there is no compensation.
 */
export const sendMpesaRefundStep = createStep(
  sendMpesaRefundStepId,
  async ({ refund, planned }: SendMpesaRefundStepInput, { container }) => {
    const options = mpesaProviderOptions(container)
    const client = sharedDarajaClient(options)
    const mpesa = container.resolve<MpesaModuleService>(MPESA_MODULE)
    let ack: InitiatorAck
    try {
      ack =
        planned.method === "reversal"
          ? await client.reversal({
              transactionId: planned.receipt_number,
              amount: planned.paid_kes,
              resultUrl: reversalResultUrl(options),
              queueTimeoutUrl: reversalResultUrl(options),
              remarks: "Refund",
              ...(planned.receiver_party ? { receiverParty: planned.receiver_party } : {}),
            })
          : await client.b2cPayment({
              // Daraja refuses a repeated OriginatorConversationID: a retry never pays twice.
              originatorConversationId: refund.id,
              phone: planned.phone,
              amount: planned.amount_kes,
              resultUrl: b2cResultUrl(options),
              queueTimeoutUrl: b2cResultUrl(options),
              remarks: "Partial refund",
            })
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error)
      const unknown = !(error instanceof DarajaError) || error.indeterminate
      const { after } = await applyRefundEvent(mpesa, {
        refund_id: refund.id,
        event: { type: unknown ? "no_answer" : "refused" },
        patch: {
          result_desc: unknown ? `No answer from Safaricom: ${reason}` : reason,
          ...(planned.method === "b2c" ? { originator_conversation_id: refund.id } : {}),
        },
      })
      return new StepResponse<MpesaRefundSendOutcome>({ refund: after, outcome: unknown ? "unknown" : "refused", message: reason })
    }
    const { after } = await applyRefundEvent(mpesa, {
      refund_id: refund.id,
      event: { type: "accepted" },
      patch: { conversation_id: ack.conversationId, originator_conversation_id: ack.originatorConversationId },
    })
    return new StepResponse<MpesaRefundSendOutcome>({ refund: after, outcome: "accepted" })
  }
)
