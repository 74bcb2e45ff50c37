import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import type { MedusaContainer } from "@medusajs/framework/types"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { MPESA_MODULE } from "../../modules/mpesa"
import type MpesaModuleService from "../../modules/mpesa/service"
import { findC2bCapture } from "./find-c2b-capture"

/** One ledger row: an STK request (`request_id`) or a paybill/till payment (`c2b_payment_id`). */
export type MpesaCaptureRef = { request_id?: string; c2b_payment_id?: string }

async function stkCapturedPayment(container: MedusaContainer, mpesa: MpesaModuleService, requestId: string) {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const [request] = await mpesa.listStkRequests({ id: requestId }, { select: ["id", "payment_session_id"] })
  const { data } = request
    ? await query.graph({ entity: "payment_session", fields: ["id", "payment.id", "payment.captured_at"], filters: { id: request.payment_session_id } })
    : { data: [] }
  const payment = (data[0] as { payment?: { id: string; captured_at?: string | null } | null } | undefined)?.payment
  // A capture is proven by Medusa's captured_at for an STK payment (it captures the whole amount).
  return payment?.captured_at ? payment.id : null
}

/** Reads, never writes: the Medusa payment whose capture a ledger row made. */
export const findMpesaCapturedPaymentStep = createStep("find-mpesa-captured-payment", async (ref: MpesaCaptureRef, { container }) => {
  const mpesa = container.resolve<MpesaModuleService>(MPESA_MODULE)
  let paymentId: string | null = null
  if (ref.c2b_payment_id) {
    const [row] = await mpesa.listC2bPayments({ id: ref.c2b_payment_id }, { select: ["id", "order_id", "trans_id"] })
    paymentId = row?.order_id ? (await findC2bCapture(container, { order_id: row.order_id, trans_id: row.trans_id })).captured_payment_id : null
  } else if (ref.request_id) {
    paymentId = await stkCapturedPayment(container, mpesa, ref.request_id)
  }
  if (!paymentId) {
    throw new MedusaError(MedusaError.Types.NOT_ALLOWED, `M-Pesa payment ${ref.c2b_payment_id ?? ref.request_id} has no captured Medusa payment to announce`)
  }
  return new StepResponse({ id: paymentId })
})
