import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { MPESA_MODULE } from "../../modules/mpesa"
import type MpesaModuleService from "../../modules/mpesa/service"

export const noteStkCaptureAnnouncedStepId = "note-mpesa-stk-capture-announced"

/**
 * Notes on the payment's STK ledger rows that `payment.captured` reached this
 * worker's subscribers. Only the event's arrival proves it was released, so
 * this is the one place `announced_at` is written; rolled back, it is cleared.
 */
export const noteStkCaptureAnnouncedStep = createStep(
  noteStkCaptureAnnouncedStepId,
  async ({ payment_id }: { payment_id: string }, { container }) => {
    const query = container.resolve(ContainerRegistrationKeys.QUERY)
    const { data } = await query.graph({ entity: "payment", fields: ["id", "payment_session_id"], filters: { id: payment_id } })
    const sessionId = (data[0] as { payment_session_id?: string } | undefined)?.payment_session_id
    if (!sessionId) {
      return new StepResponse<string[], string[]>([], [])
    }
    const mpesa = container.resolve<MpesaModuleService>(MPESA_MODULE)
    const rows = await mpesa.listStkRequests({ payment_session_id: sessionId, announced_at: null }, { select: ["id"] })
    const ids = rows.map((r) => r.id)
    if (ids.length) {
      const at = new Date()
      await mpesa.updateStkRequests(ids.map((id) => ({ id, announced_at: at })))
    }
    return new StepResponse(ids, ids)
  },
  async (ids, { container }) => {
    if (ids?.length) {
      await container.resolve<MpesaModuleService>(MPESA_MODULE).updateStkRequests(ids.map((id) => ({ id, announced_at: null })))
    }
  }
)
