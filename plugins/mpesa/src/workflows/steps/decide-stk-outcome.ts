import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { MPESA_MODULE } from "../../modules/mpesa"
import type { StkRequestStatus } from "../../modules/mpesa/models/stk-request"
import type MpesaModuleService from "../../modules/mpesa/service"
import type { MpesaSessionData } from "../../providers/mpesa/session-data"
import { sharedDarajaClient } from "../../providers/mpesa/shared-client"
import { mpesaProviderOptions } from "../../lib/provider-options"
import { callbackAmountMatches, parseStkCallback, type StkCallback } from "../../utils/callback"
import { nextStkState, type StkEvent, type StkState } from "../../utils/stk-request-transitions"
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
  /** STK Query was asked (reconciliation's bookkeeping: last_queried_at), and whether it failed (backoff). */
  queried?: boolean
  query_failed?: boolean
}

export type DecideStkOutcomeStepInput = {
  request?: StkRequestRecord
  callback_log_id?: string
  /** Reconciliation's last look at a push past the maximum age: still undecided → review. */
  final_check?: boolean
}

export const decideStkOutcomeStepId = "decide-mpesa-stk-outcome"

const SETTLED: StkRequestStatus[] = ["failed", "cancelled", "expired"]

/**
 * Reads, never writes: a callback is only a hint, paid or failed. STK Query
 * decides, and the STK request state machine (utils/stk-request-transitions)
 * says what that does to the request: a paid request is never downgraded,
 * and money that does not add up (amount, session gone, a second payment,
 * paid after failing) goes to "review" for the merchant.
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

    const flagged = (event: StkEvent, note: string, extra: Partial<StkDecision> = {}) => {
      const next = nextStkState(request.status as StkState, event)
      return next.changed
        ? decide({ ...base, ...extra, action: "flag", status: next.state, flag: next.flag, note })
        : decide({ ...base, action: "none", note: `${note}; stays ${request.status}` })
    }
    const payment = container.resolve(Modules.PAYMENT)
    // Money for a session that is gone, or for an order the merchant (or the
    // unpaid-order timer) cancelled while the prompt was open, is not captured:
    // a capture on a cancelled order would never be shipped nor refunded.
    const openSession = async () => {
      const [session] = await payment.listPaymentSessions({ id: request.payment_session_id })
      if (!session || session.status === "canceled") {
        return undefined
      }
      const query = container.resolve(ContainerRegistrationKeys.QUERY)
      const { data: links } = await query.graph({
        entity: "order_payment_collection",
        fields: ["order_id"],
        filters: { payment_collection_id: session.payment_collection_id },
      })
      const orderIds = (links as { order_id?: string }[]).map((l) => l.order_id).filter((id): id is string => !!id)
      if (!orderIds.length) {
        return session
      }
      const orders = await container.resolve(Modules.ORDER).listOrders({ id: orderIds }, { select: ["id", "status"] })
      return orders.some((o) => o.status === "canceled") ? undefined : session
    }

    if (request.status === "review") {
      return decide({ ...base, action: "none", note: "waiting for the merchant's review" })
    }
    if (request.status === "refunded") {
      return decide({ ...base, action: "none", note: "the merchant sent this payment back from review" })
    }
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
      if (!(await openSession())) {
        return flagged({ type: "session_closed" }, "paid, but its payment session was removed or its order cancelled before it was captured; needs the merchant")
      }
      return decide({
        ...base,
        action: "capture",
        note: "paid earlier; capturing in Medusa",
        capture: true,
        ...(lateReceipt ? { receipt_number: lateReceipt } : {}),
      })
    }
    const settled = SETTLED.includes(request.status as StkRequestStatus)
    if (settled && !callback?.success) {
      return decide({ ...base, action: "none", note: `duplicate: already ${request.status}` })
    }

    // Every callback, paid or not, is only a hint: STK Query decides.
    const client = sharedDarajaClient(mpesaProviderOptions(container))
    let query
    try {
      query = await client.stkQuery(request.checkout_request_id)
    } catch (error) {
      const note = `STK Query failed (${(error as Error).message})`
      if (input.final_check) {
        return flagged({ type: "unresolved" }, `${note} at the last check; needs the merchant`, { queried: true, query_failed: true })
      }
      return decide({ ...base, action: "none", note: `${note}; will reconcile`, queried: true, query_failed: true })
    }
    const asked = { queried: true }
    if (query.outcome === "pending") {
      if (input.final_check) {
        return flagged({ type: "unresolved" }, "STK Query still says open past the maximum age; needs the merchant", asked)
      }
      return decide({
        ...base,
        ...asked,
        action: "none",
        note: callback ? "callback ignored: STK Query says the prompt is still open" : "STK Query says the prompt is still open",
      })
    }
    if (query.outcome !== "paid") {
      if (callback?.success) {
        return flagged(
          { type: "callback_disagrees" },
          `callback says paid but STK Query says ${query.resultCode} (${query.resultDesc}); not captured`,
          { receipt_number: callback.metadata?.receipt }
        )
      }
      const outcome = query.outcome === "cancelled" || query.outcome === "expired" ? query.outcome : "failed"
      const next = nextStkState(request.status as StkState, { type: "confirmed_unpaid", outcome })
      if (!next.changed) {
        return decide({ ...base, ...asked, action: "none", note: `STK Query reported ${query.resultCode}; stays ${request.status}` })
      }
      return decide({
        ...base,
        ...asked,
        action: "fail",
        status: next.state as StkRequestStatus,
        result_code: query.resultCode,
        result_desc: query.resultDesc,
        reason: query.info.reason,
        shopper_message: query.info.shopperMessage,
        note: `STK Query reported ${query.resultCode}${callback ? ", as the callback said" : ""}`,
      })
    }
    const receipt = callback?.success ? callback.metadata?.receipt : undefined
    if (settled) {
      return flagged({ type: "confirmed_paid" }, `paid after the request was settled as ${request.status}; needs the merchant`, {
        receipt_number: receipt,
      })
    }
    if (callback?.success && !callbackAmountMatches(callback, request.amount_kes)) {
      return flagged(
        { type: "amount_mismatch" },
        `callback amount ${callback.metadata?.amountRaw} does not equal the KES ${request.amount_kes} pushed; not captured`,
        { receipt_number: receipt }
      )
    }
    const session = await openSession()
    if (!session) {
      return flagged({ type: "session_closed" }, "paid, but its payment session was removed (cart changed) or its order cancelled; needs the merchant", {
        receipt_number: receipt,
      })
    }
    // A paybill/till payment already paid this session (in full or in part): the prompt's money is a second payment.
    if ((session.data as MpesaSessionData | null)?.c2b_receipts?.length) {
      return flagged({ type: "second_payment" }, "paid after a paybill/till payment on the same order; not captured again", {
        receipt_number: receipt,
      })
    }
    const mpesa = container.resolve<MpesaModuleService>(MPESA_MODULE)
    const others = await mpesa.listStkRequests({ payment_session_id: request.payment_session_id, status: ["paid", "review"] })
    if (others.some((other) => other.id !== request.id && (other.status === "paid" || other.flag === "second_payment"))) {
      return flagged({ type: "second_payment" }, "a second paid prompt on a session already paid; not captured again", {
        receipt_number: receipt,
      })
    }
    return decide({
      ...base,
      ...asked,
      action: "pay",
      status: "paid",
      result_code: "0",
      result_desc: callback?.resultDesc ?? query.resultDesc,
      receipt_number: receipt,
      capture: true,
      note: "paid, confirmed by STK Query",
    })
  }
)
