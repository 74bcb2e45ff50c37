import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { MPESA_MODULE } from "../../modules/mpesa"
import type MpesaModuleService from "../../modules/mpesa/service"
import { nextRefundState, type RefundEvent, type RefundMethod, type RefundState } from "../../utils/refund-transitions"

export type RefundRecord = Awaited<ReturnType<MpesaModuleService["retrieveReversal"]>>
type RefundPatch = Parameters<MpesaModuleService["updateReversals"]>[0]

export type ApplyRefundEventStepInput = {
  refund_id: string
  event: RefundEvent
  /** Fields written with the new state (Daraja's ids, result, receipt); ignored when the event changes nothing. */
  patch?: Omit<RefundPatch, "id" | "status">
}

export const applyRefundEventStepId = "apply-mpesa-refund-event"

const SETTLED: RefundState[] = ["reversed", "paid_out", "failed"]

/**
 * The only writer of a refund's state: reads the row, asks the refund state
 * machine what the event does, and writes that (with the event's fields).
 * Returns the refund as it now is and whether anything changed.
 */
export async function applyRefundEvent(
  mpesa: MpesaModuleService,
  input: ApplyRefundEventStepInput
): Promise<{ before: RefundRecord; after: RefundRecord; changed: boolean }> {
  const before = await mpesa.retrieveReversal(input.refund_id)
  const next = nextRefundState(before.status as RefundState, before.method as RefundMethod, input.event)
  if (!next.changed) {
    return { before, after: before, changed: false }
  }
  const after = await mpesa.updateReversals({
    id: before.id,
    ...(input.patch ?? {}),
    status: next.state,
    ...(SETTLED.includes(next.state) ? { settled_at: new Date() } : {}),
  })
  return { before, after, changed: true }
}

export type ApplyRefundEventStepStepInput = Omit<ApplyRefundEventStepInput, "refund_id" | "event"> & {
  /** Absent when nothing matched: the step then does nothing. */
  refund_id?: string
  event?: RefundEvent
}

/**
 * A workflow step around applyRefundEvent (a no-op without a refund or an
 * event, so workflows need no branches); compensation puts the row back.
 */
export const applyRefundEventStep = createStep(
  applyRefundEventStepId,
  async ({ refund_id, event, patch }: ApplyRefundEventStepStepInput, { container }) => {
    type Applied = { refund?: RefundRecord; changed: boolean }
    if (!refund_id || !event) {
      return new StepResponse<Applied, RefundRecord | null>({ changed: false }, null)
    }
    const mpesa = container.resolve<MpesaModuleService>(MPESA_MODULE)
    const { before, after, changed } = await applyRefundEvent(mpesa, { refund_id, event, patch })
    return new StepResponse<Applied, RefundRecord | null>({ refund: after, changed }, changed ? before : null)
  },
  async (before, { container }) => {
    if (before) {
      const { created_at: _c, updated_at: _u, deleted_at: _d, ...fields } = before as RefundRecord & Record<string, unknown>
      await container.resolve<MpesaModuleService>(MPESA_MODULE).updateReversals(fields as unknown as RefundPatch)
    }
  }
)
