import { Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { MPESA_MODULE } from "../../modules/mpesa"
import type { StkRequestStatus } from "../../modules/mpesa/models/stk-request"
import type MpesaModuleService from "../../modules/mpesa/service"
import { sharedDarajaClient } from "../../providers/mpesa/shared-client"
import { mpesaProviderOptions } from "../../lib/provider-options"
import { callbackAmountMatches, parseStkCallback, type StkCallback } from "../../utils/callback"
import { interpretStkResult } from "../../utils/result-codes"
import type { StkRequestRecord } from "./ensure-stk-request"

/** What to do with an STK request, decided from a callback and/or STK Query. */
export type StkDecision = {
  action: "none" | "pay" | "fail" | "flag" | "capture" | "receipt"
  /** Why, in words for the log and the merchant. */
  note: string
  request_id?: string
  session_id?: string
  status?: StkRequestStatus
  result_code?: string
  result_desc?: string
  reason?: string
  shopper_message?: string
  receipt_number?: string
  flag?: string
  raw_callback?: Record<string, unknown>
  /** False when the money arrived but the session it was for is gone. */
  capture?: boolean
}

export type DecideStkOutcomeStepInput = {
  request?: StkRequestRecord
  callback_log_id?: string
}

export const decideStkOutcomeStepId = "decide-mpesa-stk-outcome"

const SETTLED: StkRequestStatus[] = ["failed", "cancelled", "expired"]

/**
 * Reads, never writes: a callback is only a hint. A paid callback counts when
 * its amount equals what was pushed and STK Query agrees; without a callback
 * STK Query alone decides.
 */
export const decideStkOutcomeStep = createStep(
  decideStkOutcomeStepId,
  async (input: DecideStkOutcomeStepInput, { container }) => {
    const decide = (d: StkDecision) => new StepResponse(d)
    const request = input.request
    let callback: StkCallback | undefined
    let rawCallback: Record<string, unknown> | undefined
    if (input.callback_log_id) {
      const mpesa = container.resolve<MpesaModuleService>(MPESA_MODULE)
      const [log] = await mpesa.listCallbackLogs({ id: input.callback_log_id })
      if (!log) {
        return decide({ action: "none", note: "callback log no longer exists" })
      }
      const parsed = parseStkCallback(log.body)
      if (!parsed.ok) {
        return decide({ action: "none", note: `malformed callback: ${parsed.reason}` })
      }
      callback = parsed.callback
      rawCallback = log.body as Record<string, unknown>
    }
    if (!request) {
      return decide({ action: "none", note: "no STK request has this CheckoutRequestID; ignored" })
    }
    const base = { request_id: request.id, session_id: request.payment_session_id, raw_callback: rawCallback }

    if (request.status === "paid") {
      // STK Query (reconciliation) can settle a payment before its callback, and
      // only the callback carries the receipt: keep it when it comes.
      const lateReceipt =
        !request.receipt_number && callback?.success && callback.metadata && callbackAmountMatches(callback, request.amount_kes)
          ? callback.metadata.receipt
          : undefined
      if (request.captured_at) {
        return decide(
          lateReceipt
            ? { ...base, action: "receipt", receipt_number: lateReceipt, note: "already paid and captured; receipt taken from the callback" }
            : { ...base, action: "none", note: "duplicate: already paid and captured" }
        )
      }
      return decide({
        ...base,
        action: "capture",
        note: "paid earlier; capturing in Medusa",
        capture: true,
        ...(lateReceipt ? { receipt_number: lateReceipt } : {}),
      })
    }
    if (SETTLED.includes(request.status as StkRequestStatus)) {
      if (callback?.success) {
        return decide({
          ...base,
          action: "flag",
          flag: `paid_after_${request.status}`,
          receipt_number: callback.metadata?.receipt,
          note: `a paid callback arrived after the request was settled as ${request.status}`,
        })
      }
      return decide({ ...base, action: "none", note: `duplicate: already ${request.status}` })
    }

    if (callback && !callback.success) {
      const info = interpretStkResult(callback.resultCode, callback.resultDesc)
      return decide({
        ...base,
        action: "fail",
        status: info.outcome === "cancelled" || info.outcome === "expired" ? info.outcome : "failed",
        result_code: info.code,
        result_desc: callback.resultDesc,
        reason: info.reason,
        shopper_message: info.shopperMessage,
        note: `Daraja reported ${info.code}: ${info.reason}`,
      })
    }
    if (callback?.success && !callbackAmountMatches(callback, request.amount_kes)) {
      return decide({
        ...base,
        action: "flag",
        flag: "amount_mismatch",
        receipt_number: callback.metadata?.receipt,
        note: `callback amount ${callback.metadata?.amountRaw} does not equal the KES ${request.amount_kes} pushed; not captured`,
      })
    }

    const client = sharedDarajaClient(mpesaProviderOptions(container))
    let query
    try {
      query = await client.stkQuery(request.checkout_request_id)
    } catch (error) {
      return decide({ ...base, action: "none", note: `STK Query failed (${(error as Error).message}); will reconcile` })
    }
    if (query.outcome === "pending") {
      return decide({ ...base, action: "none", note: "STK Query says the prompt is still open" })
    }
    if (query.outcome !== "paid") {
      if (callback?.success) {
        return decide({
          ...base,
          action: "flag",
          flag: "query_disagrees",
          receipt_number: callback.metadata?.receipt,
          note: `callback says paid but STK Query says ${query.resultCode} (${query.resultDesc}); not captured`,
        })
      }
      return decide({
        ...base,
        action: "fail",
        status: query.outcome === "cancelled" || query.outcome === "expired" ? query.outcome : "failed",
        result_code: query.resultCode,
        result_desc: query.resultDesc,
        reason: query.info.reason,
        shopper_message: query.info.shopperMessage,
        note: `STK Query reported ${query.resultCode}`,
      })
    }

    const payment = container.resolve(Modules.PAYMENT)
    const [session] = await payment.listPaymentSessions({ id: request.payment_session_id })
    const sessionOpen = !!session && session.status !== "canceled"
    return decide({
      ...base,
      action: "pay",
      status: "paid",
      result_code: "0",
      result_desc: callback?.resultDesc ?? query.resultDesc,
      receipt_number: callback?.metadata?.receipt,
      capture: sessionOpen,
      flag: sessionOpen ? undefined : "paid_after_session_closed",
      note: sessionOpen
        ? "paid, confirmed by STK Query"
        : "paid, but its payment session was removed (cart changed or cancelled); needs the merchant",
    })
  }
)
