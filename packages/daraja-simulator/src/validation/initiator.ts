import * as f from "./fields"
import { fieldsOf, invalid, Validation } from "./result"

export interface ReversalRequest {
  initiator: string
  transactionId: string
  amount: number
  receiverParty: string
  resultUrl: string
  queueTimeOutUrl: string
  remarks: string
  occasion: string | null
}

export interface TransactionStatusRequest {
  initiator: string
  transactionId: string | null
  originalConversationId: string | null
  partyA: string
  identifierType: "1" | "2" | "4"
  resultUrl: string
  queueTimeOutUrl: string
  remarks: string
  occasion: string | null
}

interface InitiatorFields {
  initiator: string
  resultUrl: string
  queueTimeOutUrl: string
}

/** Fields every initiator API shares; SecurityCredential is opaque here (see README). */
const initiatorFields = (
  b: Record<string, unknown>,
  commandId: string
): Validation<InitiatorFields> => {
  const initiator = f.text(b.Initiator, 1, 100)
  if (!initiator) {
    return invalid("Initiator")
  }
  if (!f.text(b.SecurityCredential, 1, 4096)) {
    return invalid("SecurityCredential")
  }
  if (f.oneOf(b.CommandID, [commandId]) === undefined) {
    return invalid("CommandID")
  }
  const resultUrl = f.httpUrl(b.ResultURL)
  if (!resultUrl) {
    return invalid("ResultURL")
  }
  const queueTimeOutUrl = f.httpUrl(b.QueueTimeOutURL)
  if (!queueTimeOutUrl) {
    return invalid("QueueTimeOutURL")
  }
  return { ok: true, value: { initiator, resultUrl, queueTimeOutUrl } }
}

export const validateReversal = (body: unknown): Validation<ReversalRequest> => {
  const b = fieldsOf(body)
  const common = initiatorFields(b, "TransactionReversal")
  if (!common.ok) {
    return common
  }
  const transactionId = f.text(b.TransactionID, 1, 64)
  if (!transactionId) {
    return invalid("TransactionID")
  }
  const amount = f.amount(b.Amount)
  if (amount === undefined) {
    return invalid("Amount")
  }
  const receiverParty = f.shortcode(b.ReceiverParty)
  if (!receiverParty) {
    return invalid("ReceiverParty")
  }
  // The misspelling is the API: the correctly spelled field is ignored, so
  // a client that "fixes" it gets this error (LNMOnlineAndroidSample#8).
  if (f.oneOf(b.RecieverIdentifierType, ["11"]) === undefined) {
    return invalid("RecieverIdentifierType")
  }
  const remarks = f.text(b.Remarks, 2, 100)
  if (!remarks) {
    return invalid("Remarks")
  }
  const occasion = f.optionalText(b.Occasion, 100)
  if (occasion === undefined) {
    return invalid("Occasion")
  }
  return {
    ok: true,
    value: { ...common.value, transactionId, amount, receiverParty, remarks, occasion },
  }
}

export const validateTransactionStatus = (
  body: unknown
): Validation<TransactionStatusRequest> => {
  const b = fieldsOf(body)
  const common = initiatorFields(b, "TransactionStatusQuery")
  if (!common.ok) {
    return common
  }
  const transactionId = f.optionalText(b.TransactionID, 64) || null
  const originalConversationId = f.optionalText(b.OriginalConversationID, 100) || null
  if (!transactionId && !originalConversationId) {
    return invalid("TransactionID")
  }
  const partyA = f.shortcode(b.PartyA) ?? f.msisdn(b.PartyA)
  if (!partyA) {
    return invalid("PartyA")
  }
  const identifierType = f.oneOf(b.IdentifierType, ["1", "2", "4"] as const)
  if (!identifierType) {
    return invalid("IdentifierType")
  }
  const remarks = f.text(b.Remarks, 1, 100)
  if (!remarks) {
    return invalid("Remarks")
  }
  const occasion = f.optionalText(b.Occasion ?? b.Occassion, 100)
  if (occasion === undefined) {
    return invalid("Occasion")
  }
  return {
    ok: true,
    value: {
      ...common.value,
      transactionId,
      originalConversationId,
      partyA,
      identifierType,
      remarks,
      occasion,
    },
  }
}
