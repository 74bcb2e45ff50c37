import { initiatorResult } from "../callbacks/bodies"
import type { Sim } from "../context"
import { darajaTimestamp } from "../time"
import { TransactionStatusRequest, validateTransactionStatus } from "../validation/initiator"
import { readJsonRequest } from "./guard"
import {
  accepted,
  customerName,
  merchantName,
  newInitiatorIds,
  uniqueTransactionId,
} from "./initiator"
import type { EndpointHandler } from "./types"

const REASON_TYPES: Record<string, string> = {
  CustomerPayBillOnline: "Pay Bill Online",
  CustomerBuyGoodsOnline: "Buy Goods Online",
  "Pay Bill": "Pay Bill",
  "Buy Goods": "Buy Goods",
}

/** Result parameters for a B2C payment (a payout from a B2C shortcode to a phone). */
const describePayout = (sim: Sim, request: TransactionStatusRequest): Array<[string, unknown]> | undefined => {
  const payout = sim.ledger.findPayout(request.transactionId ?? request.originalConversationId ?? "")
  if (!payout) {
    return undefined
  }
  return [
    ["DebitPartyName", merchantName(sim, payout.shortcode)],
    ["CreditPartyName", customerName(payout.msisdn)],
    ["InitiatedTime", Number(darajaTimestamp(payout.at))],
    ["DebitAccountType", "Utility Account"],
    ["DebitPartyCharges", ""],
    ["TransactionReason", ""],
    ["ReasonType", "Business Payment to Customer via API"],
    ["TransactionStatus", "Completed"],
    ["FinalisedTime", Number(darajaTimestamp(payout.at))],
    ["Amount", payout.amount],
    ["ReceiptNo", payout.receipt],
    ["Originator Conversation ID", payout.originatorConversationId],
    ["Conversation ID", payout.conversationId],
  ]
}

/** Result parameters for a receipt the ledger knows (a payment, a reversal or a payout); keys contain spaces like Daraja's. */
const describeReceipt = (
  sim: Sim,
  request: TransactionStatusRequest
): Array<[string, unknown]> | undefined => {
  const payout = describePayout(sim, request)
  if (payout) {
    return payout
  }
  const reversal = request.transactionId
    ? sim.ledger.getReversal(request.transactionId)
    : request.originalConversationId
      ? sim.ledger.findReversalByConversation(request.originalConversationId)
      : undefined
  const payment = reversal
    ? sim.ledger.get(reversal.originalReceipt)
    : request.transactionId
      ? sim.ledger.get(request.transactionId)
      : undefined
  if (!payment) {
    return undefined
  }
  const at = reversal?.at ?? payment.at
  const [debit, credit] = reversal
    ? [merchantName(sim, payment.shortcode), customerName(payment.msisdn)]
    : [customerName(payment.msisdn), merchantName(sim, payment.shortcode)]
  return [
    ["DebitPartyName", debit],
    ["CreditPartyName", credit],
    ["InitiatedTime", Number(darajaTimestamp(at))],
    ["DebitAccountType", reversal ? "Utility Account" : "MMF Account"],
    ["DebitPartyCharges", ""],
    ["TransactionReason", ""],
    ["ReasonType", reversal ? "Reversal" : REASON_TYPES[payment.transactionType] ?? "Pay Bill"],
    ["TransactionStatus", "Completed"],
    ["FinalisedTime", Number(darajaTimestamp(at))],
    ["Amount", reversal?.amount ?? payment.amount],
    ["ReceiptNo", reversal?.receipt ?? payment.receipt],
    ["Originator Conversation ID", reversal?.originatorConversationId ?? ""],
    ["Conversation ID", reversal?.conversationId ?? ""],
  ]
}

/** POST /mpesa/transactionstatus/v1/query: the Result goes to ResultURL. */
export const transactionStatus: EndpointHandler = (sim, req) => {
  const validation = readJsonRequest(sim, req, "Initiator", validateTransactionStatus)
  if (!validation.ok) {
    return validation.reply
  }
  const request = validation.value
  const ids = newInitiatorIds(sim)
  const parameters = describeReceipt(sim, request)
  const body = initiatorResult({
    resultCode: parameters ? 0 : "R000002",
    resultDesc: parameters
      ? "The service request is processed successfully."
      : "The transaction ID is invalid.",
    parameters,
    ...ids,
    transactionId: uniqueTransactionId(sim),
    queueTimeOutUrl: request.queueTimeOutUrl,
  })
  sim.dispatcher.send(
    { kind: "transaction-status", url: request.resultUrl, body, copy: 1, ...ids },
    JSON.stringify(body),
    sim.settings.callbackDelayMs
  )
  return accepted(ids)
}
