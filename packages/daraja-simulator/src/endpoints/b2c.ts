import { initiatorResult } from "../callbacks/bodies"
import type { Sim } from "../context"
import { envelope } from "../errors"
import { json } from "../http/reply"
import { newConversationId } from "../ids"
import { describeResult, type ResultCode } from "../outcomes"
import { darajaDisplayTime } from "../time"
import { B2cRequest, validateB2c } from "../validation/b2c"
import { readJsonRequest } from "./guard"
import { customerName, uniqueTransactionId } from "./initiator"
import type { EndpointHandler } from "./types"

/** Recipients with a scripted refusal (README, "B2C"); anyone else is paid. */
export const B2C_RECIPIENT_SCRIPTS: Readonly<Record<string, { resultCode: ResultCode; resultDesc: string }>> = {
  "254700000014": {
    resultCode: 2040,
    resultDesc: "Credit Party customer type (Unregistered or Registered Customer) can't be supported by the service.",
  },
}

interface B2cOutcome {
  resultCode: ResultCode
  resultDesc: string
  parameters?: Array<[string, unknown]>
}

const float = (amount: number): string => amount.toFixed(2)

/** Decided and booked when the request arrives, so concurrent payouts cannot overdraw the float. */
const applyPayout = (sim: Sim, request: B2cRequest, conversationId: string, receipt: string): B2cOutcome => {
  const scripted = B2C_RECIPIENT_SCRIPTS[request.partyB]
  if (scripted) {
    return scripted
  }
  if (sim.ledger.b2cFloat(request.partyA) < request.amount) {
    return { resultCode: 1, resultDesc: describeResult(1) }
  }
  const at = sim.now()
  sim.ledger.recordPayout({
    receipt,
    amount: request.amount,
    msisdn: request.partyB,
    shortcode: request.partyA,
    commandId: request.commandId,
    at,
    conversationId,
    originatorConversationId: request.originatorConversationId,
  })
  const left = float(sim.ledger.b2cFloat(request.partyA))
  return {
    resultCode: 0,
    resultDesc: describeResult(0),
    parameters: [
      ["TransactionAmount", request.amount],
      ["TransactionReceipt", receipt],
      ["B2CRecipientIsRegisteredCustomer", "Y"],
      ["B2CChargesPaidAccountAvailableFunds", 0],
      ["ReceiverPartyPublicName", customerName(request.partyB)],
      ["TransactionCompletedDateTime", darajaDisplayTime(at)],
      ["B2CUtilityAccountAvailableFunds", Number(left)],
      ["B2CWorkingAccountAvailableFunds", Number(left)],
    ],
  }
}

/** POST /mpesa/b2c/v3/paymentrequest: pays a customer from the B2C float; the Result goes to ResultURL. */
export const b2cPayment: EndpointHandler = (sim, req, { override }) => {
  const validation = readJsonRequest(sim, req, "OriginatorConversationID", validateB2c)
  if (!validation.ok) {
    return validation.reply
  }
  const request = validation.value
  // The caller's id is what makes a retried request safe: Daraja refuses it the second time.
  if (!sim.ledger.claimB2cRequest(request.originatorConversationId)) {
    return envelope(500, "500.002.1001", "Duplicate OriginatorConversationID.")
  }
  const conversationId = newConversationId(sim.now())
  const receipt = uniqueTransactionId(sim)
  const outcome = applyPayout(sim, request, conversationId, receipt)
  const ids = { originatorConversationId: request.originatorConversationId, conversationId }
  const body = initiatorResult({
    ...outcome,
    ...ids,
    transactionId: receipt,
    queueTimeOutUrl: request.queueTimeOutUrl,
  })
  if (!override?.callback?.skip) {
    sim.dispatcher.send(
      { kind: "b2c", url: request.resultUrl, body, copy: 1, ...ids },
      JSON.stringify(body),
      sim.settings.callbackDelayMs
    )
  }
  return json(200, {
    ConversationID: conversationId,
    OriginatorConversationID: request.originatorConversationId,
    ResponseCode: "0",
    ResponseDescription: "Accept the service request successfully.",
  })
}
