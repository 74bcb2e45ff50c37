import type { ResultCode } from "../outcomes"

export interface StkCallbackInput {
  merchantRequestId: string
  checkoutRequestId: string
  resultCode: ResultCode
  resultDesc: string
  /** Only for ResultCode 0. */
  paid?: {
    amount: number
    receipt: string
    /** YYYYMMDDHHmmss in EAT. */
    transactionDate: string
    phoneNumber: string
  }
}

const AMOUNT_MARK = "\u0000amount\u0000"

/**
 * The STK callback as Daraja sends it: numbers for codes, CallbackMetadata only
 * on success, a Balance item without a Value, and the Amount written with two
 * decimals (`1.00`), which JSON.stringify cannot produce, hence the marker.
 */
export const stkCallback = (input: StkCallbackInput): { body: unknown; payload: string } => {
  const callback: Record<string, unknown> = {
    MerchantRequestID: input.merchantRequestId,
    CheckoutRequestID: input.checkoutRequestId,
    ResultCode: input.resultCode,
    ResultDesc: input.resultDesc,
  }
  if (input.paid) {
    const items = (amount: unknown): unknown[] => [
      { Name: "Amount", Value: amount },
      { Name: "MpesaReceiptNumber", Value: input.paid?.receipt },
      { Name: "Balance" },
      { Name: "TransactionDate", Value: Number(input.paid?.transactionDate) },
      { Name: "PhoneNumber", Value: Number(input.paid?.phoneNumber) },
    ]
    const body = { Body: { stkCallback: { ...callback, CallbackMetadata: { Item: items(input.paid.amount) } } } }
    const marked = { Body: { stkCallback: { ...callback, CallbackMetadata: { Item: items(AMOUNT_MARK) } } } }
    const payload = JSON.stringify(marked).replace(
      JSON.stringify(AMOUNT_MARK),
      input.paid.amount.toFixed(2)
    )
    return { body, payload }
  }
  const body = { Body: { stkCallback: callback } }
  return { body, payload: JSON.stringify(body) }
}

export interface ResultInput {
  resultCode: ResultCode
  resultDesc: string
  originatorConversationId: string
  conversationId: string
  transactionId: string
  /** Key/value pairs; absent on failures, like Daraja. */
  parameters?: Array<[string, unknown]>
  queueTimeOutUrl: string
}

/** The initiator APIs' `{ Result: … }` body posted to ResultURL. */
export const initiatorResult = (input: ResultInput): unknown => ({
  Result: {
    ResultType: 0,
    ResultCode: input.resultCode,
    ResultDesc: input.resultDesc,
    OriginatorConversationID: input.originatorConversationId,
    ConversationID: input.conversationId,
    TransactionID: input.transactionId,
    ...(input.parameters
      ? {
          ResultParameters: {
            ResultParameter: input.parameters.map(([Key, Value]) => ({ Key, Value })),
          },
        }
      : {}),
    ReferenceData: {
      ReferenceItem: { Key: "QueueTimeoutURL", Value: input.queueTimeOutUrl },
    },
  },
})

/** C2B shows only the first four and last three digits: `2547 ***** 126`. */
export const maskMsisdn = (msisdn: string): string =>
  `${msisdn.slice(0, 4)} ***** ${msisdn.slice(-3)}`

/** KES amounts in C2B bodies are strings with two decimals: `"10.00"`. */
export const kes = (amount: number): string => amount.toFixed(2)
