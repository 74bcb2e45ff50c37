import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { MPESA_MODULE } from "../../modules/mpesa"
import type MpesaModuleService from "../../modules/mpesa/service"
import { nextCheckDelayMs } from "../../utils/reconcile-backoff"
import type { StkDecision } from "./decide-stk-outcome"

export type ApplyStkDecisionStepInput = {
  decision: StkDecision
  callback_log_id?: string
  /** The reconciler's clock (ISO), for the backoff; now by default. */
  now?: string
}

export const applyStkDecisionStepId = "apply-mpesa-stk-decision"

type Snapshot = { request?: Record<string, unknown>; log?: Record<string, unknown> }

/**
 * Records the decision on the STK request and the callback log, and the
 * reconciliation bookkeeping (when STK Query was last asked, failures in a
 * row and when to look again), so no job or route writes ledger rows itself.
 */
export const applyStkDecisionStep = createStep(
  applyStkDecisionStepId,
  async ({ decision, callback_log_id, now: clock }: ApplyStkDecisionStepInput, { container }) => {
    const mpesa = container.resolve<MpesaModuleService>(MPESA_MODULE)
    const snapshot: Snapshot = {}
    const [log] = callback_log_id ? await mpesa.listCallbackLogs({ id: callback_log_id }) : []
    if (log) {
      snapshot.log = { id: log.id, matched: log.matched, outcome: log.outcome, detail: log.detail }
      await mpesa.updateCallbackLogs({
        id: log.id,
        matched: !!decision.request_id,
        outcome: decision.action === "none" ? (decision.request_id ? "ignored" : "unmatched") : decision.action,
        detail: decision.note,
      })
    }
    const writesRequest =
      decision.queried || (decision.action !== "none" && (decision.action !== "capture" || !!decision.receipt_number))
    if (decision.request_id && writesRequest) {
      const before = await mpesa.retrieveStkRequest(decision.request_id)
      snapshot.request = {
        id: before.id,
        status: before.status,
        result_code: before.result_code,
        result_desc: before.result_desc,
        shopper_message: before.shopper_message,
        receipt_number: before.receipt_number,
        flag: before.flag,
        raw_callback: before.raw_callback,
        callback_received_at: before.callback_received_at,
        settled_at: before.settled_at,
        last_queried_at: before.last_queried_at,
        query_failures: before.query_failures,
        next_check_at: before.next_check_at,
      }
      const now = clock ? new Date(clock) : new Date()
      const failures = decision.query_failed ? (before.query_failures ?? 0) + 1 : 0
      await mpesa.updateStkRequests({
        id: decision.request_id,
        ...(decision.status ? { status: decision.status } : {}),
        ...(decision.result_code !== undefined ? { result_code: decision.result_code } : {}),
        ...(decision.result_desc !== undefined ? { result_desc: decision.result_desc } : {}),
        ...(decision.shopper_message !== undefined ? { shopper_message: decision.shopper_message } : {}),
        ...(decision.receipt_number && decision.action !== "flag" ? { receipt_number: decision.receipt_number } : {}),
        ...(decision.flag ? { flag: decision.flag } : {}),
        ...(decision.raw_callback ? { raw_callback: decision.raw_callback, callback_received_at: now } : {}),
        ...(decision.status ? { settled_at: now } : {}),
        ...(decision.queried
          ? {
              last_queried_at: now,
              query_failures: failures,
              next_check_at: failures ? new Date(now.getTime() + nextCheckDelayMs(failures)) : null,
            }
          : {}),
      })
    }
    return new StepResponse(decision, snapshot)
  },
  async (snapshot, { container }) => {
    const mpesa = container.resolve<MpesaModuleService>(MPESA_MODULE)
    if (snapshot?.request) {
      await mpesa.updateStkRequests(snapshot.request as Parameters<MpesaModuleService["updateStkRequests"]>[0])
    }
    if (snapshot?.log) {
      await mpesa.updateCallbackLogs(snapshot.log as Parameters<MpesaModuleService["updateCallbackLogs"]>[0])
    }
  }
)
