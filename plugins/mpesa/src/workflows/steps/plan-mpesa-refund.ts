import { MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { mpesaProviderOptions } from "../../lib/provider-options"
import { MPESA_MODULE } from "../../modules/mpesa"
import type MpesaModuleService from "../../modules/mpesa/service"
import { c2bActionRefusal, type C2bPaymentFacts } from "../../utils/c2b-labels"
import { planMpesaRefund, type EarlierRefund, type RefundMethod } from "../../utils/refund-plan"
import { reviewReceipt, reviewRefundRefusal } from "../../utils/review-actions"

type Payment = { id: string; order_id: string | null; receipt_number: string; amount_kes: number; phone: string; receiver_party?: string }

async function orderPayment(mpesa: MpesaModuleService, orderId?: string): Promise<Payment> {
  const [paid] = await mpesa.listStkRequests({ order_id: orderId ?? "", status: "paid" })
  if (!paid?.receipt_number) {
    throw new MedusaError(MedusaError.Types.NOT_ALLOWED, "This order has no M-Pesa payment with a receipt to refund")
  }
  return { ...paid, receipt_number: paid.receipt_number }
}

async function reviewPayment(mpesa: MpesaModuleService, id: string): Promise<Payment> {
  const [request] = await mpesa.listStkRequests({ id })
  if (!request) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `No M-Pesa payment with id ${id}`)
  }
  const receipt = reviewReceipt(request)
  const refusal = reviewRefundRefusal({ status: request.status, flag: request.flag, receipt, captured: !!request.captured_at })
  if (refusal || !receipt) {
    throw new MedusaError(MedusaError.Types.CONFLICT, refusal ?? "This payment has no M-Pesa receipt to reverse")
  }
  return { ...request, receipt_number: receipt }
}

/** A paybill/till payment no order captured (unmatched, or in review as a second or ambiguous payment). */
async function c2bPayment(mpesa: MpesaModuleService, id: string): Promise<Payment> {
  const [row] = await mpesa.listC2bPayments({ id })
  if (!row) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `No paybill/till payment with id ${id}`)
  }
  const refusal = c2bActionRefusal(row as C2bPaymentFacts)
  // The amount check repeats the refusal's for the compiler: an unconfirmed amount is refused above.
  if (refusal || row.amount_kes == null) {
    throw new MedusaError(MedusaError.Types.CONFLICT, `Payment ${row.trans_id} cannot be sent back: ${refusal}`)
  }
  // The payer's number is only masked: the money goes back by reversal of the TransID, never by a payout to a phone.
  return { id: row.id, order_id: null, receipt_number: row.trans_id, amount_kes: row.amount_kes, phone: "", receiver_party: row.shortcode }
}

/**
 * An order's captured M-Pesa payment (`order_id`), a payment held in the
 * review queue that no order captured (`stk_request_id`), or a paybill/till
 * payment no order captured (`c2b_payment_id`), sent back in full.
 */
export type PlanMpesaRefundStepInput = { order_id?: string; stk_request_id?: string; c2b_payment_id?: string; amount_kes?: number }

export type PlannedMpesaRefund = {
  stk_request_id: string
  order_id: string | null
  receipt_number: string
  paid_kes: number
  phone: string
  method: RefundMethod
  amount_kes: number
  /** The shortcode the money was paid to, when it is not the STK one (a paybill/till payment): the reversal's ReceiverParty. */
  receiver_party?: string
}

export const planMpesaRefundStepId = "plan-mpesa-refund"

/**
 * Decides how much to refund and how, from the ledger as it is now. Runs
 * under the payment's refund lock, so two requests never plan against the
 * same "refunded so far". Reads only.
 */
export const planMpesaRefundStep = createStep(
  planMpesaRefundStepId,
  async (input: PlanMpesaRefundStepInput, { container }) => {
    const options = mpesaProviderOptions(container)
    const mpesa = container.resolve<MpesaModuleService>(MPESA_MODULE)
    const paid = input.c2b_payment_id
      ? await c2bPayment(mpesa, input.c2b_payment_id)
      : input.stk_request_id
        ? await reviewPayment(mpesa, input.stk_request_id)
        : await orderPayment(mpesa, input.order_id)
    const earlier = await mpesa.listReversals({ stk_request_id: paid.id })
    const plan = planMpesaRefund({
      paidKes: paid.amount_kes,
      requestedKes: input.amount_kes,
      earlier: earlier as EarlierRefund[],
      // A C2B payer's number is masked: only a reversal can send the money back.
      b2cConfigured: !!options.b2c && !input.c2b_payment_id,
    })
    if (!plan.ok) {
      throw new MedusaError(MedusaError.Types.NOT_ALLOWED, plan.reason)
    }
    if (plan.method === "reversal" && (!options.initiatorName || !options.securityCredential)) {
      throw new MedusaError(
        MedusaError.Types.NOT_ALLOWED,
        "M-Pesa refunds need the provider options `initiatorName` and `securityCredential` (MPESA_INITIATOR_NAME, MPESA_SECURITY_CREDENTIAL)"
      )
    }
    return new StepResponse<PlannedMpesaRefund>({
      stk_request_id: paid.id,
      // A payment sent back from review is no order's: Medusa records no refund for it.
      order_id: input.stk_request_id || input.c2b_payment_id ? null : paid.order_id,
      receipt_number: paid.receipt_number,
      paid_kes: paid.amount_kes,
      phone: paid.phone,
      method: plan.method,
      amount_kes: plan.amountKes,
      ...(paid.receiver_party ? { receiver_party: paid.receiver_party } : {}),
    })
  }
)
