import { Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { withSessionDataLock } from "../../lib/session-data-lock"
import type { MpesaSessionData } from "../../providers/mpesa/session-data"

export type UpdateMpesaSessionDataStepInput = { session_id: string; patch: Partial<MpesaSessionData> }

export const updateMpesaSessionDataStepId = "update-mpesa-session-data"

/** Mirrors the outcome into the payment session's data, which the storefront reads. */
export const updateMpesaSessionDataStep = createStep(
  updateMpesaSessionDataStepId,
  async ({ session_id, patch }: UpdateMpesaSessionDataStepInput, { container }) => {
    const payment = container.resolve(Modules.PAYMENT)
    return withSessionDataLock(container, session_id, async () => {
      const [session] = await payment.listPaymentSessions({ id: session_id })
      if (!session) {
        return new StepResponse({ updated: false }, null)
      }
      const previous = session.data
      await payment.updatePaymentSession({
        id: session.id,
        amount: session.amount,
        currency_code: session.currency_code,
        data: { ...(session.data ?? {}), ...patch, new_push: false },
      })
      return new StepResponse({ updated: true }, { id: session.id, amount: session.amount, currency_code: session.currency_code, data: previous })
    })
  },
  async (previous, { container }) => {
    if (previous) {
      await withSessionDataLock(container, previous.id, () => container.resolve(Modules.PAYMENT).updatePaymentSession(previous))
    }
  }
)
