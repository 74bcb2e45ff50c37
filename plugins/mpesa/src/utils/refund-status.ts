import type { InitiatorResult } from "./initiator-result"
import type { RefundEvent } from "./refund-transitions"

/** Transaction Status's code for "no such transaction". */
export const TRANSACTION_NOT_FOUND = "R000002"

export type RefundUnderCheck = {
  id: string
  method: string
  amount_kes: number
  conversation_id?: string | null
  originator_conversation_id?: string | null
  /** True when the ids came from a result body rather than Safaricom's acknowledgement. */
  ids_from_result?: boolean
  /** The refund's receipt as the merchant found it on the statement (refunds Daraja never answered). */
  claimed_receipt?: string | null
}

/** What a refund of each method is called in Transaction Status's ReasonType. */
const REASON_TYPES: Record<string, RegExp> = { reversal: /reversal/i, b2c: /business payment|b2c|salary|promotion/i }

export type RefundStatusReading =
  | { event: RefundEvent; receipt?: string; note: string }
  | { event?: undefined; note: string }

const text = (v: unknown) => (v === undefined || v === null ? "" : String(v).trim())

/**
 * Reads a Transaction Status answer about a refund: completed only when
 * Safaricom says "Completed" for this refund's own ids and amount; not found
 * on R000002 for ids Safaricom itself gave us; anything else decides nothing
 * (asked again later, or left to the merchant).
 */
export function readRefundStatus(
  result: InitiatorResult,
  refund: RefundUnderCheck,
  /** The answer's conversation ids are another of our refunds' (a claimed receipt that is not this refund's). */
  idsAreAnotherRefunds = false
): RefundStatusReading {
  const ours = [refund.conversation_id, refund.originator_conversation_id, refund.method === "b2c" ? refund.id : null]
    .filter((v): v is string => !!v)
  // Asked by the receipt the merchant named: only that receipt's own answer counts.
  const byClaim = ours.length === 0 && !!refund.claimed_receipt
  if (byClaim) {
    return readClaimedReceipt(result, refund, idsAreAnotherRefunds)
  }
  if (result.resultCode === TRANSACTION_NOT_FOUND) {
    if (refund.ids_from_result) {
      // We asked about ids an unsigned body gave us; that proves nothing about our request.
      return { note: `Transaction Status does not know the ids a result body gave; needs the merchant` }
    }
    return { event: { type: "status_not_found" }, note: `Transaction Status: no such ${refund.method} at Safaricom` }
  }
  if (!result.success) {
    return { note: `Transaction Status answered ${result.resultCode} (${result.resultDesc}); will ask again` }
  }
  const p = result.parameters
  const theirs = statusAnswerIds(result)
  if (!theirs.some((id) => ours.includes(id))) {
    return { note: "Transaction Status answered about another transaction; ignored" }
  }
  if (text(p.TransactionStatus) !== "Completed") {
    return { note: `Transaction Status says ${text(p.TransactionStatus) || "nothing"}; will ask again` }
  }
  if (Number(p.Amount) !== refund.amount_kes) {
    return { note: `Transaction Status amount ${text(p.Amount)} is not the KES ${refund.amount_kes} refunded; needs the merchant` }
  }
  const receipt = text(p.ReceiptNo) || undefined
  return { event: { type: "status_completed" }, receipt, note: `confirmed by Transaction Status${receipt ? ` (${receipt})` : ""}` }
}

/** The conversation ids a Transaction Status answer names (its keys contain spaces, like Daraja's). */
export function statusAnswerIds(result: InitiatorResult): string[] {
  const p = result.parameters ?? {}
  return [text(p["Conversation ID"]), text(p["Originator Conversation ID"])].filter(Boolean)
}

function readClaimedReceipt(result: InitiatorResult, refund: RefundUnderCheck, idsAreAnotherRefunds: boolean): RefundStatusReading {
  const claimed = refund.claimed_receipt!
  if (result.resultCode === TRANSACTION_NOT_FOUND) {
    // Not our request's fate, only a mistyped or foreign receipt: nothing is decided.
    return { note: `Transaction Status does not know receipt ${claimed}; check it on the statement and resolve again` }
  }
  if (!result.success) {
    return { note: `Transaction Status answered ${result.resultCode} (${result.resultDesc}) about ${claimed}; will ask again` }
  }
  const p = result.parameters
  if (text(p.ReceiptNo).toUpperCase() !== claimed) {
    return { note: `Transaction Status answered about ${text(p.ReceiptNo) || "another receipt"}, not ${claimed}; ignored` }
  }
  if (idsAreAnotherRefunds) {
    return { note: `Receipt ${claimed} is another refund's; needs the merchant` }
  }
  if (!REASON_TYPES[refund.method]?.test(text(p.ReasonType))) {
    return { note: `Receipt ${claimed} is a ${text(p.ReasonType) || "transaction"}, not a ${refund.method}; needs the merchant` }
  }
  if (text(p.TransactionStatus) !== "Completed") {
    return { note: `Transaction Status says ${text(p.TransactionStatus) || "nothing"} for ${claimed}; will ask again` }
  }
  if (Number(p.Amount) !== refund.amount_kes) {
    return { note: `Receipt ${claimed} is for ${text(p.Amount)}, not the KES ${refund.amount_kes} refunded; needs the merchant` }
  }
  return { event: { type: "status_completed" }, receipt: claimed, note: `confirmed by Transaction Status (${claimed}, named by the merchant)` }
}
