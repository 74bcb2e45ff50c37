import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { mpesaProviderOptions } from "../../lib/provider-options"
import { MPESA_MODULE } from "../../modules/mpesa"
import type MpesaModuleService from "../../modules/mpesa/service"
import { statusResultUrl } from "../../providers/mpesa/callback-urls"
import { sharedDarajaClient } from "../../providers/mpesa/shared-client"

export type AskRefundStatusStepInput = {
  refund_id?: string
  /** Ask only when the refund is in one of these states (a result just moved it to "confirming", say). */
  when_status?: string[]
}

export const askRefundStatusStepId = "ask-mpesa-refund-status"

/** The id Transaction Status can find a refund by: Daraja's own, else the one we sent (B2C). */
export function refundConversationId(refund: {
  id: string
  method: string
  conversation_id?: string | null
  originator_conversation_id?: string | null
}): string | undefined {
  return refund.conversation_id ?? refund.originator_conversation_id ?? (refund.method === "b2c" ? refund.id : undefined)
}

/**
 * Asks Daraja's Transaction Status about a refund, by the refund's own
 * conversation id (never by an id a result body claims), so only Safaricom's
 * answer at the status hook settles it. A failed query is retried by
 * reconciliation; asking is harmless, so nothing is compensated.
 */
export const askRefundStatusStep = createStep(
  askRefundStatusStepId,
  async ({ refund_id, when_status }: AskRefundStatusStepInput, { container }) => {
    if (!refund_id) {
      return new StepResponse({ asked: false, note: "no refund" })
    }
    const options = mpesaProviderOptions(container)
    const mpesa = container.resolve<MpesaModuleService>(MPESA_MODULE)
    const refund = await mpesa.retrieveReversal(refund_id)
    if (when_status && !when_status.includes(refund.status)) {
      return new StepResponse({ asked: false, note: `already ${refund.status}` })
    }
    const id = refundConversationId(refund)
    // Without Daraja's ids, only a receipt the merchant found on the statement can be asked about.
    const claimed = !id && refund.claimed_receipt ? refund.claimed_receipt : undefined
    if (!id && !claimed) {
      return new StepResponse({
        asked: false,
        note: "no Daraja id to ask Transaction Status about; the merchant resolves it (POST /admin/mpesa/refunds/:id/resolve)",
      })
    }
    try {
      const ack = await sharedDarajaClient(options).transactionStatus({
        ...(id ? { originalConversationId: id } : { transactionId: claimed }),
        resultUrl: statusResultUrl(options),
        queueTimeoutUrl: statusResultUrl(options),
        ...(refund.method === "b2c" && options.b2c ? { partyA: options.b2c.shortcode } : {}),
        remarks: "Refund check",
      })
      await mpesa.updateReversals({ id: refund.id, status_conversation_id: ack.originatorConversationId, status_queried_at: new Date() })
      return new StepResponse({ asked: true, note: "Transaction Status asked" })
    } catch (error) {
      await mpesa.updateReversals({ id: refund.id, status_queried_at: new Date() })
      return new StepResponse({ asked: false, note: `Transaction Status failed (${(error as Error).message}); will retry` })
    }
  }
)
