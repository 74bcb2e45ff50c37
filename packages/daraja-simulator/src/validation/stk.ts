import * as f from "./fields"
import { checkFields, Validation } from "./result"

export const STK_TRANSACTION_TYPES = ["CustomerPayBillOnline", "CustomerBuyGoodsOnline"] as const
export type StkTransactionType = (typeof STK_TRANSACTION_TYPES)[number]

export interface StkPushRequest {
  businessShortCode: string
  password: string
  timestamp: string
  transactionType: StkTransactionType
  amount: number
  partyA: string
  partyB: string
  phoneNumber: string
  callBackUrl: string
  accountReference: string
  transactionDesc: string | null
}

export interface StkQueryRequest {
  businessShortCode: string
  password: string
  timestamp: string
  checkoutRequestId: string
}

// Both STK APIs open with the same three fields; credentials are checked later, against config.
const STK_CREDENTIALS = {
  businessShortCode: ["BusinessShortCode", f.shortcode],
  password: ["Password", (v: unknown) => f.text(v, 1, 512)],
  timestamp: ["Timestamp", f.timestamp],
} as const

/** Field checks in the order Daraja reports them. */
export const validateStkPush = (body: unknown): Validation<StkPushRequest> =>
  checkFields(body, {
    ...STK_CREDENTIALS,
    // Trailing spaces are tolerated: mpesa-api sends "CustomerPayBillOnline " and it works.
    transactionType: ["TransactionType", (v) => f.oneOf(v, STK_TRANSACTION_TYPES)],
    amount: ["Amount", f.amount],
    partyA: ["PartyA", f.msisdn],
    partyB: ["PartyB", f.shortcode],
    phoneNumber: ["PhoneNumber", f.msisdn],
    callBackUrl: ["CallBackURL", f.httpUrl],
    accountReference: ["AccountReference", (v) => f.text(v, 1, 12)],
    transactionDesc: ["TransactionDesc", (v) => f.optionalText(v, 13)],
  })

export const validateStkQuery = (body: unknown): Validation<StkQueryRequest> =>
  checkFields(body, {
    ...STK_CREDENTIALS,
    checkoutRequestId: ["CheckoutRequestID", (v) => f.text(v, 1, 64)],
  })
