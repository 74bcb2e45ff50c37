import { Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { withSessionDataLock } from "../../lib/session-data-lock"
import type { MpesaSessionData } from "../../providers/mpesa/session-data"

export type SendNewStkPushStepInput = { session_id: string; phone?: string }

export const sendNewStkPushStepId = "send-new-mpesa-stk-push"

/**
 * Asks the provider for a fresh prompt on the same payment session, so a
 * retry never creates a second order or a second session. A prompt that
 * reached the phone cannot be recalled, so there is nothing to compensate.
 */
export const sendNewStkPushStep = createStep(
  sendNewStkPushStepId,
  async ({ session_id, phone }: SendNewStkPushStepInput, { container }) => {
    const payment = container.resolve(Modules.PAYMENT)
    // The provider sends the push inside this update, so the lock is held for one Daraja call.
    const updated = await withSessionDataLock(container, session_id, async () => {
      const session = await payment.retrievePaymentSession(session_id)
      const data = (session.data ?? {}) as MpesaSessionData
      return payment.updatePaymentSession({
        id: session.id,
        amount: session.amount,
        currency_code: session.currency_code,
        data: { ...data, ...(phone ? { phone } : {}), new_push: true },
      })
    })
    return new StepResponse({
      id: updated.id,
      payment_collection_id: updated.payment_collection_id,
      data: updated.data as MpesaSessionData,
    })
  }
)
