import { Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { MPESA_MODULE } from "../../modules/mpesa"
import type MpesaModuleService from "../../modules/mpesa/service"
import type { MpesaSessionData } from "../../providers/mpesa/session-data"
import { ensureStkRequest, type StkRequestRecord } from "./ensure-stk-request"

export type RecordStkRequestsStepInput = {
  /** The sessions that just pushed; or, with `payment_collection_id`, every session of the provider on it. */
  sessions?: { id: string; payment_collection_id: string; data: MpesaSessionData | null }[]
  payment_collection_id?: string
  provider_id?: string
}

export const recordStkRequestsStepId = "record-mpesa-stk-requests"

/**
 * Writes the ledger row of each pushed prompt (one per CheckoutRequestID,
 * status "pending", the state machine's start), so reconciliation can find
 * it even when its callback never comes. Rows this step created are removed
 * again if the workflow fails after it.
 */
export const recordStkRequestsStep = createStep(
  recordStkRequestsStepId,
  async (input: RecordStkRequestsStepInput, { container }) => {
    let sessions = input.sessions ?? []
    if (input.payment_collection_id) {
      const listed = await container.resolve(Modules.PAYMENT).listPaymentSessions({
        payment_collection_id: input.payment_collection_id,
        ...(input.provider_id ? { provider_id: input.provider_id } : {}),
      })
      sessions = listed.map((s) => ({ id: s.id, payment_collection_id: s.payment_collection_id, data: s.data as MpesaSessionData }))
    }
    const requests: StkRequestRecord[] = []
    const created: string[] = []
    for (const session of sessions) {
      const { request, created: isNew } = await ensureStkRequest(container, session)
      if (request) {
        requests.push(request)
        if (isNew) {
          created.push(request.id)
        }
      }
    }
    return new StepResponse(requests, created)
  },
  async (created, { container }) => {
    if (created?.length) {
      await container.resolve<MpesaModuleService>(MPESA_MODULE).deleteStkRequests(created)
    }
  }
)
