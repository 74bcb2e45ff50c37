import * as f from "./fields"
import { fieldsOf, invalid, Validation } from "./result"

export const B2C_COMMANDS = ["BusinessPayment", "SalaryPayment", "PromotionPayment"] as const
export type B2cCommand = (typeof B2C_COMMANDS)[number]

export interface B2cRequest {
  originatorConversationId: string
  initiatorName: string
  commandId: B2cCommand
  amount: number
  partyA: string
  partyB: string
  remarks: string
  resultUrl: string
  queueTimeOutUrl: string
  occasion: string | null
}

/**
 * B2C v3 (`/mpesa/b2c/v3/paymentrequest`). Unlike the other initiator APIs the
 * caller names the request (OriginatorConversationID) and the initiator field
 * is `InitiatorName`; `Occassion` keeps Daraja's spelling.
 */
export const validateB2c = (body: unknown): Validation<B2cRequest> => {
  const b = fieldsOf(body)
  const originatorConversationId = f.text(b.OriginatorConversationID, 1, 100)
  if (!originatorConversationId) {
    return invalid("OriginatorConversationID")
  }
  const initiatorName = f.text(b.InitiatorName, 1, 100)
  if (!initiatorName) {
    return invalid("InitiatorName")
  }
  if (!f.text(b.SecurityCredential, 1, 4096)) {
    return invalid("SecurityCredential")
  }
  const commandId = f.oneOf(b.CommandID, B2C_COMMANDS)
  if (!commandId) {
    return invalid("CommandID")
  }
  const amount = f.amount(b.Amount)
  if (amount === undefined) {
    return invalid("Amount")
  }
  const partyA = f.shortcode(b.PartyA)
  if (!partyA) {
    return invalid("PartyA")
  }
  const partyB = f.msisdn(b.PartyB)
  if (!partyB) {
    return invalid("PartyB")
  }
  const remarks = f.text(b.Remarks, 2, 100)
  if (!remarks) {
    return invalid("Remarks")
  }
  const queueTimeOutUrl = f.httpUrl(b.QueueTimeOutURL)
  if (!queueTimeOutUrl) {
    return invalid("QueueTimeOutURL")
  }
  const resultUrl = f.httpUrl(b.ResultURL)
  if (!resultUrl) {
    return invalid("ResultURL")
  }
  const occasion = f.optionalText(b.Occassion, 100)
  if (occasion === undefined) {
    return invalid("Occassion")
  }
  return {
    ok: true,
    value: {
      originatorConversationId,
      initiatorName,
      commandId,
      amount,
      partyA,
      partyB,
      remarks,
      resultUrl,
      queueTimeOutUrl,
      occasion,
    },
  }
}
