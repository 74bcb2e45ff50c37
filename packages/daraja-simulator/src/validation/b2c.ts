import * as f from "./fields"
import { checkFields, Validation } from "./result"

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
export const validateB2c = (body: unknown): Validation<B2cRequest> =>
  checkFields(body, {
    originatorConversationId: ["OriginatorConversationID", (v) => f.text(v, 1, 100)],
    initiatorName: ["InitiatorName", (v) => f.text(v, 1, 100)],
    securityCredential: ["SecurityCredential", (v) => f.text(v, 1, 4096), false],
    commandId: ["CommandID", (v) => f.oneOf(v, B2C_COMMANDS)],
    amount: ["Amount", f.amount],
    partyA: ["PartyA", f.shortcode],
    partyB: ["PartyB", f.msisdn],
    remarks: ["Remarks", (v) => f.text(v, 2, 100)],
    queueTimeOutUrl: ["QueueTimeOutURL", f.httpUrl],
    resultUrl: ["ResultURL", f.httpUrl],
    occasion: ["Occassion", (v) => f.optionalText(v, 100)],
  })
