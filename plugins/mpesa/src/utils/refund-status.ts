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
}

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
export function readRefundStatus(result: InitiatorResult, refund: RefundUnderCheck): RefundStatusReading {
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
  const ours = [refund.conversation_id, refund.originator_conversation_id, refund.method === "b2c" ? refund.id : null]
    .filter((v): v is string => !!v)
  const theirs = [text(p["Conversation ID"]), text(p["Originator Conversation ID"])].filter(Boolean)
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
