import { initiatorResult } from "../callbacks/bodies"
import type { ResultCode } from "../outcomes"
import { darajaTimestamp } from "../time"
import { validateReversal, ReversalRequest } from "../validation/initiator"
import { readJsonRequest } from "./guard"
import {
  accepted,
  customerName,
  InitiatorIds,
  merchantName,
  newInitiatorIds,
  uniqueTransactionId,
  utilityBalance,
} from "./initiator"
import type { EndpointHandler } from "./types"
import type { Sim } from "../context"

interface ReversalOutcome {
  resultCode: ResultCode
  resultDesc: string
  parameters?: Array<[string, unknown]>
}

/**
 * Decides and applies the reversal at once (so two concurrent reversals of
 * one receipt cannot both succeed); only the Result POST is delayed.
 */
const applyReversal = (
  sim: Sim,
  request: ReversalRequest,
  ids: InitiatorIds,
  transactionId: string
): ReversalOutcome => {
  const original = sim.ledger.get(request.transactionId)
  const ownedBy = original && [original.shortcode, sim.tills.get(original.shortcode)]
  if (!original || !ownedBy?.includes(request.receiverParty)) {
    return { resultCode: "R000002", resultDesc: "The OriginalTransactionID is invalid." }
  }
  if (original.reversedBy) {
    return { resultCode: "R000001", resultDesc: "The transaction has already been reversed." }
  }
  // Partial reversal is undocumented; the simulator refuses it with its own code.
  if (request.amount !== original.amount) {
    return {
      resultCode: "R000003",
      resultDesc: "The amount does not match the original transaction amount.",
    }
  }
  const at = sim.now()
  sim.ledger.reverse({
    receipt: transactionId,
    originalReceipt: original.receipt,
    amount: original.amount,
    at,
    ...ids,
  })
  return {
    resultCode: 0,
    resultDesc: "The service request is processed successfully.",
    parameters: [
      ["DebitAccountBalance", utilityBalance(sim, original.shortcode)],
      ["Amount", original.amount],
      ["TransCompletedTime", Number(darajaTimestamp(at))],
      ["OriginalTransactionID", original.receipt],
      ["Charge", 0],
      ["CreditPartyPublicName", customerName(original.msisdn)],
      ["DebitPartyPublicName", merchantName(sim, original.shortcode)],
    ],
  }
}

/** POST /mpesa/reversal/v1/request: full amount only; the Result goes to ResultURL. */
export const reversal: EndpointHandler = (sim, req, { override }) => {
  const validation = readJsonRequest(sim, req, "Initiator", validateReversal)
  if (!validation.ok) {
    return validation.reply
  }
  const request = validation.value
  const ids = newInitiatorIds(sim)
  const transactionId = uniqueTransactionId(sim)
  const outcome = applyReversal(sim, request, ids, transactionId)
  const body = initiatorResult({
    ...outcome,
    ...ids,
    transactionId,
    queueTimeOutUrl: request.queueTimeOutUrl,
  })
  if (!override?.callback?.skip) {
    sim.dispatcher.send(
      { kind: "reversal", url: request.resultUrl, body, copy: 1, ...ids },
      JSON.stringify(body),
      sim.settings.callbackDelayMs
    )
  }
  return accepted(ids)
}
