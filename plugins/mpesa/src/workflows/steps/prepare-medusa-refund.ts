import { ContainerRegistrationKeys, MathBN, Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { MPESA_MODULE } from "../../modules/mpesa"
import type MpesaModuleService from "../../modules/mpesa/service"
import type { MpesaPaymentData } from "../../providers/mpesa/refund-records"

export type PreparedMedusaRefund = {
  refund_id: string
  /** "record": run Medusa's refund; "mark": nothing left to record, just note it; "skip": not confirmed or done already. */
  action: "record" | "mark" | "skip"
  payment_id?: string
  amount?: string
  note: string
}

type Restore = { id: string; data: MpesaPaymentData } | null

type Payment = { id: string; provider_id: string; amount: number; data?: MpesaPaymentData | null; refunds?: { amount: number }[] }

export const prepareMedusaRefundStepId = "prepare-medusa-mpesa-refund"

/**
 * Decides what Medusa records for a refund Safaricom confirmed, and writes
 * that confirmation into the payment's data, which is where the provider's
 * refundPayment finds it (the database, so any worker can resume this). M-Pesa
 * charged whole shillings rounded up, so the last refund can exceed what
 * Medusa holds by under KES 1: never more than is left is recorded.
 */
export const prepareMedusaRefundStep = createStep(
  prepareMedusaRefundStepId,
  async ({ refund_id }: { refund_id: string }, { container }) => {
    const mpesa = container.resolve<MpesaModuleService>(MPESA_MODULE)
    const refund = await mpesa.retrieveReversal(refund_id)
    const skip = (note: string) => new StepResponse<PreparedMedusaRefund, Restore>({ refund_id, action: "skip", note }, null)
    if (refund.refund_recorded_at || (refund.status !== "reversed" && refund.status !== "paid_out")) {
      return skip(refund.refund_recorded_at ? "already recorded" : `not confirmed (${refund.status})`)
    }
    if (!refund.order_id) {
      // Sent back from the review queue: no order captured this money, so Medusa has nothing to record.
      return new StepResponse<PreparedMedusaRefund, Restore>({ refund_id, action: "mark", note: "not an order's payment; nothing to record in Medusa" }, null)
    }
    const { data } = await container.resolve(ContainerRegistrationKeys.QUERY).graph({
      entity: "order",
      fields: [
        "payment_collections.payments.id",
        "payment_collections.payments.provider_id",
        "payment_collections.payments.amount",
        "payment_collections.payments.data",
        "payment_collections.payments.refunds.amount",
      ],
      filters: { id: refund.order_id ?? "" },
    })
    const payment = ((data[0] as { payment_collections?: { payments?: Payment[] }[] } | undefined)?.payment_collections ?? [])
      .flatMap((pc) => pc?.payments ?? [])
      .find((p) => p?.provider_id?.startsWith("pp_mpesa"))
    if (!payment) {
      return skip("no Medusa payment to record it on; needs the merchant")
    }
    if (payment.data?.recorded_refunds?.includes(refund.id)) {
      return new StepResponse<PreparedMedusaRefund, Restore>({ refund_id, action: "mark", payment_id: payment.id, note: "recorded earlier" }, null)
    }
    const left = MathBN.sub(payment.amount, MathBN.sum(0, ...(payment.refunds ?? []).map((r) => r.amount)))
    const amount = refund.method === "b2c" ? MathBN.min(refund.amount_kes, left) : left
    if (MathBN.lte(amount, 0)) {
      return new StepResponse<PreparedMedusaRefund, Restore>({ refund_id, action: "mark", payment_id: payment.id, note: "nothing left to record in Medusa" }, null)
    }
    const before = payment.data ?? {}
    await container.resolve(Modules.PAYMENT).updatePayment({
      id: payment.id,
      data: { ...before, confirmed_refunds: { ...(before.confirmed_refunds ?? {}), [refund.id]: amount.toString() } },
    } as never)
    return new StepResponse<PreparedMedusaRefund, Restore>(
      { refund_id, action: "record", payment_id: payment.id, amount: amount.toString(), note: "recording in Medusa" },
      { id: payment.id, data: before }
    )
  },
  async (before, { container }) => {
    if (before) {
      await container.resolve(Modules.PAYMENT).updatePayment({ id: before.id, data: before.data } as never)
    }
  }
)
