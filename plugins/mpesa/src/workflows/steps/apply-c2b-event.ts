import { MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { MPESA_MODULE } from "../../modules/mpesa"
import type MpesaModuleService from "../../modules/mpesa/service"
import { nextC2bState, type C2bEvent, type C2bState } from "../../utils/c2b-transitions"

export type ApplyC2bEventStepInput = {
  id?: string
  event?: C2bEvent
  /** Columns written with the transition (only when it changes the state, unless `always`). */
  patch?: Record<string, unknown>
  /** Bookkeeping written even when the state stays (last check, failures). */
  always?: Record<string, unknown>
  /** Refuse (409) instead of staying when the event does not move the payment (merchant actions). */
  must_change?: boolean
}

export type ApplyC2bEventStepOutput = { id?: string; state?: C2bState; changed: boolean; flag?: string }

const SNAPSHOT_COLUMNS = [
  "state",
  "flag",
  "match_decision",
  "match_detail",
  "order_id",
  "payment_collection_id",
  "confirmed_at",
  "matched_at",
  "last_checked_at",
  "check_failures",
  "next_check_at",
  "status_conversation_id",
] as const

export const applyC2bEventStepId = "apply-mpesa-c2b-event"

/**
 * Moves a C2B payment by one event of its state machine (utils/c2b-transitions)
 * and writes the columns that go with it; the previous values are put back
 * on compensation. Reads the row inside the workflow's lock, so the
 * transition is decided on what is stored now.
 */
export const applyC2bEventStep = createStep(
  applyC2bEventStepId,
  async (input: ApplyC2bEventStepInput, { container }) => {
    if (!input.id || !input.event) {
      return new StepResponse<ApplyC2bEventStepOutput, null>({ id: input.id, changed: false }, null)
    }
    const mpesa = container.resolve<MpesaModuleService>(MPESA_MODULE)
    const before = await mpesa.retrieveC2bPayment(input.id)
    const next = nextC2bState(before.state as C2bState, input.event)
    if (!next.changed && input.must_change) {
      throw new MedusaError(
        MedusaError.Types.CONFLICT,
        `M-Pesa payment ${before.trans_id} is ${before.state}; only unmatched payments and payments in review can be attached or refunded`
      )
    }
    const snapshot = Object.fromEntries(SNAPSHOT_COLUMNS.map((c) => [c, (before as Record<string, unknown>)[c] ?? null]))
    const update = {
      ...(input.always ?? {}),
      ...(next.changed ? { state: next.state, ...(next.flag ? { flag: next.flag } : {}), ...(input.patch ?? {}) } : {}),
    }
    if (Object.keys(update).length) {
      await mpesa.updateC2bPayments({ id: input.id, ...update })
    }
    return new StepResponse<ApplyC2bEventStepOutput, Record<string, unknown> | null>(
      { id: input.id, state: next.state, changed: next.changed, ...(next.flag ? { flag: next.flag } : {}) },
      Object.keys(update).length ? { id: input.id, ...snapshot } : null
    )
  },
  async (snapshot, { container }) => {
    if (snapshot) {
      await container.resolve<MpesaModuleService>(MPESA_MODULE).updateC2bPayments(snapshot as never)
    }
  }
)
