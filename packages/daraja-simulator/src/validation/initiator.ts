import * as f from "./fields"
import { checkFields, Validation } from "./result"

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

/** Fields every initiator API shares; SecurityCredential is opaque here (see README). */
const initiatorChecks = (commandId: string) =>
  ({
    initiator: ["Initiator", (v: unknown) => f.text(v, 1, 100)],
    securityCredential: ["SecurityCredential", (v: unknown) => f.text(v, 1, 4096), false],
    commandId: ["CommandID", (v: unknown) => f.oneOf(v, [commandId]), false],
    resultUrl: ["ResultURL", f.httpUrl],
    queueTimeOutUrl: ["QueueTimeOutURL", f.httpUrl],
  }) as const

export const validateReversal = (body: unknown): Validation<ReversalRequest> =>
  checkFields(body, {
    ...initiatorChecks("TransactionReversal"),
    transactionId: ["TransactionID", (v) => f.text(v, 1, 64)],
    amount: ["Amount", f.amount],
    receiverParty: ["ReceiverParty", f.shortcode],
    // The misspelling is the API: the correctly spelled field is ignored, so
    // a client that "fixes" it gets this error (LNMOnlineAndroidSample#8).
    receiverIdentifierType: ["RecieverIdentifierType", (v) => f.oneOf(v, ["11"]), false],
    remarks: ["Remarks", (v) => f.text(v, 2, 100)],
    occasion: ["Occasion", (v) => f.optionalText(v, 100)],
  })

export const validateTransactionStatus = (
  body: unknown
): Validation<TransactionStatusRequest> =>
  checkFields(body, {
    ...initiatorChecks("TransactionStatusQuery"),
    // Either id will do; with neither, Daraja names TransactionID.
    transactionId: [
      "TransactionID",
      (v, b) => {
        const id = f.optionalText(v, 64) || null
        return id || f.optionalText(b.OriginalConversationID, 100) ? id : undefined
      },
    ],
    originalConversationId: ["OriginalConversationID", (v) => f.optionalText(v, 100) || null],
    partyA: ["PartyA", (v) => f.shortcode(v) ?? f.msisdn(v)],
    identifierType: ["IdentifierType", (v) => f.oneOf(v, ["1", "2", "4"] as const)],
    remarks: ["Remarks", (v) => f.text(v, 1, 100)],
    occasion: ["Occasion", (v, b) => f.optionalText(v ?? b.Occassion, 100)],
  })
