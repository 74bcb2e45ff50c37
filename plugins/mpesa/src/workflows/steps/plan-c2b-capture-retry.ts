import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { candidateForOrder } from "../../lib/c2b-candidates"
import { MPESA_MODULE } from "../../modules/mpesa"
import type MpesaModuleService from "../../modules/mpesa/service"
import { decideC2bCaptureRetry, type C2bCaptureRetryAction } from "../../utils/c2b-capture-retry"
import type { C2bState } from "../../utils/c2b-transitions"
import { findC2bCapture } from "./find-c2b-capture"
import type { C2bCapturePlan } from "./match-c2b-payment"

export type PlannedC2bCaptureRetry = C2bCaptureRetryAction & { capture?: C2bCapturePlan }

/**
 * Reads, never writes: what a C2B payment whose capture the ledger never
 * noted needs (utils/c2b-capture-retry.ts), from the row, Medusa's captures of
 * its order and what the order still owes. Runs inside the payment's lock.
 */
export const planC2bCaptureRetryStep = createStep("plan-mpesa-c2b-capture-retry", async ({ id }: { id: string }, { container }) => {
  const row = await container.resolve<MpesaModuleService>(MPESA_MODULE).retrieveC2bPayment(id)
  if (!row.order_id) {
    return new StepResponse<PlannedC2bCaptureRetry>({ action: "none" })
  }
  const candidate = await candidateForOrder(container, row.order_id)
  const found = await findC2bCapture(container, { order_id: row.order_id, session_id: candidate?.session_id, trans_id: row.trans_id })
  const detail = (row.match_detail ?? {}) as { capture_amount?: number; balance_kes?: number }
  const decided = decideC2bCaptureRetry({
    state: row.state as C2bState,
    captured_at: row.captured_at,
    captured_in_medusa: found.captured,
    planned_amount: detail.capture_amount,
    remaining_amount: candidate?.session_id ? candidate.remaining_amount : null,
  })
  const sessionId = found.captured_session_id ?? candidate?.session_id
  if (decided.action !== "resume" || !sessionId) {
    return new StepResponse<PlannedC2bCaptureRetry>(decided.action === "resume" ? { action: "review", reason: "its order has no M-Pesa payment session" } : decided)
  }
  return new StepResponse<PlannedC2bCaptureRetry>({
    ...decided,
    capture: {
      session_id: sessionId,
      payment_collection_id: row.payment_collection_id,
      order_id: row.order_id,
      amount: detail.capture_amount!,
      trans_id: row.trans_id,
      full: row.state !== "partial",
      balance_kes: row.state === "partial" ? (detail.balance_kes ?? 0) : 0,
    },
  })
})
