import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { MPESA_MODULE } from "../../modules/mpesa"
import type MpesaModuleService from "../../modules/mpesa/service"

export const noteMpesaCaptureAnnouncedStepId = "note-mpesa-capture-announced"

type Noted = { stk: string[]; c2b: string[] }

/**
 * Notes on the payment's ledger rows that `payment.captured` reached this
 * worker's subscribers: its STK requests, and the paybill/till payments
 * already captured on its payment collection (an event handled after their
 * capture speaks for them too, because subscribers read the order as it is
 * now). Only the event's arrival proves it was released, so this is the one
 * place `announced_at` is written; rolled back, it is cleared.
 */
export const noteMpesaCaptureAnnouncedStep = createStep(
  noteMpesaCaptureAnnouncedStepId,
  async ({ payment_id }: { payment_id: string }, { container }) => {
    const query = container.resolve(ContainerRegistrationKeys.QUERY)
    const { data } = await query.graph({ entity: "payment", fields: ["id", "payment_session_id", "payment_collection_id"], filters: { id: payment_id } })
    const payment = data[0] as { payment_session_id?: string; payment_collection_id?: string } | undefined
    const mpesa = container.resolve<MpesaModuleService>(MPESA_MODULE)
    const stk = payment?.payment_session_id
      ? (await mpesa.listStkRequests({ payment_session_id: payment.payment_session_id, announced_at: null }, { select: ["id"] })).map((r) => r.id)
      : []
    const c2b = payment?.payment_collection_id
      ? (
          await mpesa.listC2bPayments(
            { payment_collection_id: payment.payment_collection_id, captured_at: { $ne: null }, announced_at: null },
            { select: ["id"] }
          )
        ).map((r) => r.id)
      : []
    const at = new Date()
    if (stk.length) {
      await mpesa.updateStkRequests(stk.map((id) => ({ id, announced_at: at })))
    }
    if (c2b.length) {
      await mpesa.updateC2bPayments(c2b.map((id) => ({ id, announced_at: at })))
    }
    return new StepResponse<Noted, Noted>({ stk, c2b }, { stk, c2b })
  },
  async (noted, { container }) => {
    const mpesa = container.resolve<MpesaModuleService>(MPESA_MODULE)
    if (noted?.stk.length) {
      await mpesa.updateStkRequests(noted.stk.map((id) => ({ id, announced_at: null })))
    }
    if (noted?.c2b.length) {
      await mpesa.updateC2bPayments(noted.c2b.map((id) => ({ id, announced_at: null })))
    }
  }
)
