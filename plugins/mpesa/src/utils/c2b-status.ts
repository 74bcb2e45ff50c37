import type { C2bEvent } from "./c2b-transitions"
import type { InitiatorResult } from "./initiator-result"
import { TRANSACTION_NOT_FOUND } from "./refund-status"

/** What the ledger knows of the payment Transaction Status was asked about. */
export type C2bUnderCheck = { trans_id: string; amount_kes: number | null }

export type C2bStatusReading = { event: C2bEvent; note: string }

const text = (v: unknown) => (v === undefined || v === null ? "" : String(v).trim())

// A payment into the shop, as Transaction Status names it; a reversal or payout with this receipt is not one.
const INBOUND_REASON = /pay ?bill|buy ?goods|c2b|merchant payment/i

/**
 * Reads Daraja's Transaction Status answer about a C2B TransID: "confirmed"
 * only when Safaricom says Completed for this receipt and amount; a
 * completed transaction with another amount (or not a payment in) is a
 * mismatch for the merchant; R000002 is "no such transaction"; anything
 * else leaves the payment unconfirmed, to be asked again.
 */
export function readC2bStatus(result: InitiatorResult, payment: C2bUnderCheck): C2bStatusReading {
  if (result.resultCode === TRANSACTION_NOT_FOUND) {
    return { event: { type: "not_found" }, note: `Transaction Status: Safaricom has no transaction ${payment.trans_id}` }
  }
  if (!result.success) {
    return { event: { type: "confirmation_unknown" }, note: `Transaction Status answered ${result.resultCode} (${result.resultDesc}); will ask again` }
  }
  const p = result.parameters
  const receipt = text(p.ReceiptNo).toUpperCase()
  if (receipt && receipt !== payment.trans_id.toUpperCase()) {
    return { event: { type: "confirmation_unknown" }, note: `Transaction Status answered about ${receipt}, not ${payment.trans_id}; will ask again` }
  }
  const status = text(p.TransactionStatus)
  if (status !== "Completed") {
    return { event: { type: "confirmation_unknown" }, note: `Transaction Status says ${status || "nothing"}; will ask again` }
  }
  const reason = text(p.ReasonType)
  if (reason && !INBOUND_REASON.test(reason)) {
    return { event: { type: "confirmation_mismatch" }, note: `Transaction Status says ${payment.trans_id} is a ${reason}, not a payment in` }
  }
  if (payment.amount_kes === null || Number(p.Amount) !== payment.amount_kes) {
    return {
      event: { type: "confirmation_mismatch" },
      note: `Safaricom's amount (${text(p.Amount) || "none"}) is not the confirmation's (${payment.amount_kes ?? "unreadable"})`,
    }
  }
  return { event: { type: "confirmed" }, note: `confirmed by Transaction Status (${payment.trans_id}, KES ${payment.amount_kes})` }
}
