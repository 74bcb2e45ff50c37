import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { candidateForOrder, candidatesForAccount, candidatesForTill, type C2bOrderCandidate } from "../../lib/c2b-candidates"
import { mpesaProviderOptions } from "../../lib/provider-options"
import { MPESA_MODULE } from "../../modules/mpesa"
import type MpesaModuleService from "../../modules/mpesa/service"
import { matchC2bPayment, TILL_CLOCK_SKEW_MS, type C2bDecision } from "../../utils/c2b-match"
import { visiblePhoneDigits } from "../../utils/c2b-phone"
import { storedAccountRef } from "../../utils/c2b-notification"

export type C2bCapturePlan = {
  session_id: string
  payment_collection_id: string | null
  order_id: string
  /** In Medusa's units: what this payment pays of the order (never more than is left to capture). */
  amount: number
  trans_id: string
  /** False for a short payment: the order still awaits `balance_kes`. */
  full: boolean
  balance_kes: number
}

export type MatchedC2bPayment = { decision?: C2bDecision; capture?: C2bCapturePlan }

const CAPTURES: C2bDecision["decision"][] = ["exact", "short", "over"]

/** The capture a decision asks for on its order. */
export function capturePlan(decision: C2bDecision, candidate: C2bOrderCandidate | undefined, transId: string): C2bCapturePlan | undefined {
  if (!CAPTURES.includes(decision.decision) || !candidate?.session_id || !("order_id" in decision)) {
    return undefined
  }
  const amount = decision.decision === "short" ? Math.min(decision.amount_kes, candidate.remaining_amount) : candidate.remaining_amount
  return { session_id: candidate.session_id, payment_collection_id: candidate.payment_collection_id, order_id: decision.order_id, amount, trans_id: transId,
    full: decision.decision !== "short",
    balance_kes: decision.decision === "short" ? decision.balance_kes : 0,
  }
}

export const matchC2bPaymentStepId = "match-mpesa-c2b-payment"

/**
 * Decides which order a confirmed C2B payment pays (utils/c2b-match) against
 * the orders awaiting M-Pesa, read through Medusa's query graph. With
 * `order_id` (the merchant's attach) only that order is considered. Writes nothing.
 */
export const matchC2bPaymentStep = createStep(
  matchC2bPaymentStepId,
  async (input: { id?: string; run?: boolean; order_id?: string }, { container }) => {
    if (!input.id || !input.run) {
      return new StepResponse<MatchedC2bPayment>({})
    }
    const payment = await container.resolve<MpesaModuleService>(MPESA_MODULE).retrieveC2bPayment(input.id)
    const c2b = mpesaProviderOptions(container).c2b
    const account = storedAccountRef(payment)
    const paidAt = payment.trans_time ? new Date(payment.trans_time) : new Date(payment.created_at)
    const tillWindowMinutes = c2b?.tillWindowMinutes ?? 60
    let candidates: C2bOrderCandidate[]
    if (input.order_id) {
      const one = await candidateForOrder(container, input.order_id)
      candidates = one ? [one] : []
    } else if (payment.kind === "paybill") {
      candidates = account ? await candidatesForAccount(container, account) : []
    } else {
      candidates = await candidatesForTill(container, paidAt, tillWindowMinutes, TILL_CLOCK_SKEW_MS)
    }
    const facts = {
      kind: payment.kind,
      account,
      amount_kes: payment.amount_kes ?? 0,
      phone: visiblePhoneDigits(payment.msisdn_masked),
      trans_time: paidAt,
    }
    let decision: C2bDecision
    if (input.order_id && !candidates[0]) {
      // Said plainly: the matcher's own reason would speak of the account the payer typed.
      decision = { decision: "unknown", amount_kes: facts.amount_kes, reason: "there is no such order, or it was not placed with M-Pesa", order_ids: [] }
    } else if (input.order_id) {
      // The merchant named the order: judge the amount against it as if the account had named it.
      decision = matchC2bPayment(
        { ...facts, kind: "paybill", account: { kind: "display_id", value: String(candidates[0].display_id) } },
        candidates,
        { accountFormat: "both", tillWindowMinutes }
      )
    } else {
      decision = matchC2bPayment(facts, candidates, { accountFormat: c2b?.accountFormat ?? "both", tillWindowMinutes })
    }
    const candidate = "order_id" in decision ? candidates.find((c) => c.order_id === decision.order_id) : undefined
    return new StepResponse<MatchedC2bPayment>({ decision, capture: capturePlan(decision, candidate, payment.trans_id) })
  }
)
