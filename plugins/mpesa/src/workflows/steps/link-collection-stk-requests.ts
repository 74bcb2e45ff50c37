import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { MPESA_MODULE } from "../../modules/mpesa"
import type MpesaModuleService from "../../modules/mpesa/service"

export type LinkCollectionStkRequestsStepInput = { order_id: string; payment_collection_ids: string[] }

export const linkCollectionStkRequestsStepId = "link-mpesa-collection-stk-requests"

/**
 * Puts the order's id on the rows of earlier prompts on its payment
 * collections: a resend made the session name its newest prompt only, so the
 * sessions alone miss them. Only the link changes, never a row's money state;
 * compensation takes the link off again.
 */
export const linkCollectionStkRequestsStep = createStep(
  linkCollectionStkRequestsStepId,
  async ({ order_id, payment_collection_ids }: LinkCollectionStkRequestsStepInput, { container }) => {
    const mpesa = container.resolve<MpesaModuleService>(MPESA_MODULE)
    const rows = payment_collection_ids.length
      ? await mpesa.listStkRequests({ payment_collection_id: payment_collection_ids, order_id: null })
      : []
    const linked = rows.length ? await mpesa.updateStkRequests(rows.map((r) => ({ id: r.id, order_id }))) : []
    return new StepResponse(linked, rows.map((r) => r.id))
  },
  async (ids, { container }) => {
    if (ids?.length) {
      await container.resolve<MpesaModuleService>(MPESA_MODULE).updateStkRequests(ids.map((id) => ({ id, order_id: null })))
    }
  }
)
