import { Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { withSessionDataLock } from "../../lib/session-data-lock"
import { MPESA_MODULE } from "../../modules/mpesa"
import type MpesaModuleService from "../../modules/mpesa/service"
import { PAID_MESSAGE, type MpesaSessionData } from "../../providers/mpesa/session-data"
import type { C2bCapturePlan } from "./match-c2b-payment"

export const prepareC2bCaptureStepId = "prepare-mpesa-c2b-capture"

/**
 * Marks the order's M-Pesa session as paid by C2B, so Medusa authorizes it
 * without asking STK Query and each C2B payment is captured for its own
 * amount. The session's previous data is put back on compensation. Without
 * a plan (nothing to capture) it does nothing.
 */
export const prepareC2bCaptureStep = createStep(
  prepareC2bCaptureStepId,
  async (plan: C2bCapturePlan | undefined, { container }) => {
    if (!plan) {
      return new StepResponse(null, null)
    }
    const payment = container.resolve(Modules.PAYMENT)
    return withSessionDataLock(container, plan.session_id, async () => {
      const session = await payment.retrievePaymentSession(plan.session_id)
      const data = (session.data ?? {}) as MpesaSessionData
      const receipts = [...new Set([...(data.c2b_receipts ?? []), plan.trans_id])]
      await payment.updatePaymentSession({
        id: session.id,
        amount: session.amount,
        currency_code: session.currency_code,
        data: { ...data, c2b_authorized: true, c2b_receipts: receipts, shopper_message: plan.full ? PAID_MESSAGE : `Part of the payment was received; KES ${plan.balance_kes} is still to pay.`, new_push: false },
      })
      return new StepResponse(null, { id: session.id, amount: session.amount, currency_code: session.currency_code, data })
    })
  },
  async (before, { container }) => {
    if (before) {
      await withSessionDataLock(container, before.id, () => container.resolve(Modules.PAYMENT).updatePaymentSession(before as never))
    }
  }
)

export const markC2bCapturedStepId = "mark-mpesa-c2b-captured"

/** Notes that Medusa captured the payment's money, so the job does not capture it again. */
export const markC2bCapturedStep = createStep(
  markC2bCapturedStepId,
  async ({ id }: { id: string }, { container }) => {
    await container.resolve<MpesaModuleService>(MPESA_MODULE).updateC2bPayments({ id, captured_at: new Date() })
    return new StepResponse(null, id)
  },
  async (id, { container }) => {
    if (id) {
      await container.resolve<MpesaModuleService>(MPESA_MODULE).updateC2bPayments({ id, captured_at: null })
    }
  }
)
