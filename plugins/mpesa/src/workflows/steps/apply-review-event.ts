import { MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { MPESA_MODULE } from "../../modules/mpesa"
import type MpesaModuleService from "../../modules/mpesa/service"
import { nextStkState, reviewActionAllowed, type StkState } from "../../utils/stk-request-transitions"

export type ReviewEvent = "review_attached" | "review_refunded"

export type ApplyReviewEventStepInput = {
  request_id: string
  event: ReviewEvent
  /** Written with the new state (the order it now pays, its receipt…). */
  patch?: {
    order_id?: string
    receipt_number?: string
    payment_session_id?: string
    payment_collection_id?: string | null
  }
}

type Snapshot = { id: string; status: StkState; order_id: string | null; receipt_number: string | null; payment_session_id: string; payment_collection_id: string | null }

export const applyReviewEventStepId = "apply-mpesa-review-event"

/**
 * Moves a payment out of the review queue by the merchant's action, through
 * the STK request state machine (review → paid when attached, → refunded when
 * sent back). Refuses (409) when the request is not where the action starts.
 * Compensation puts the row back as it was, so a failed capture or refund
 * leaves the payment in the queue.
 */
export const applyReviewEventStep = createStep(
  applyReviewEventStepId,
  async ({ request_id, event, patch }: ApplyReviewEventStepInput, { container }) => {
    const mpesa = container.resolve<MpesaModuleService>(MPESA_MODULE)
    const [request] = await mpesa.listStkRequests({ id: request_id })
    if (!request) {
      throw new MedusaError(MedusaError.Types.NOT_FOUND, `No M-Pesa payment with id ${request_id}`)
    }
    const state = request.status as StkState
    if (!reviewActionAllowed(state, { type: event })) {
      throw new MedusaError(
        MedusaError.Types.CONFLICT,
        `This M-Pesa payment is not waiting for review (it is ${state}); reload the review queue`
      )
    }
    const next = nextStkState(state, { type: event })
    if (!next.changed) {
      return new StepResponse(request, null)
    }
    const snapshot: Snapshot = {
      id: request.id,
      status: state,
      order_id: request.order_id,
      receipt_number: request.receipt_number,
      payment_session_id: request.payment_session_id,
      payment_collection_id: request.payment_collection_id,
    }
    const updated = await mpesa.updateStkRequests({ id: request.id, status: next.state, ...(patch ?? {}) })
    return new StepResponse(updated, snapshot)
  },
  async (snapshot, { container }) => {
    if (snapshot) {
      await container.resolve<MpesaModuleService>(MPESA_MODULE).updateStkRequests(snapshot)
    }
  }
)
