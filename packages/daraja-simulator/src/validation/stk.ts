import * as f from "./fields"
import { fieldsOf, invalid, Validation } from "./result"

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

/** Field checks in the order Daraja reports them; credentials are checked later, against config. */
export const validateStkPush = (body: unknown): Validation<StkPushRequest> => {
  const b = fieldsOf(body)
  const businessShortCode = f.shortcode(b.BusinessShortCode)
  if (!businessShortCode) {
    return invalid("BusinessShortCode")
  }
  const password = f.text(b.Password, 1, 512)
  if (!password) {
    return invalid("Password")
  }
  const timestamp = f.timestamp(b.Timestamp)
  if (!timestamp) {
    return invalid("Timestamp")
  }
  // Trailing spaces are tolerated: mpesa-api sends "CustomerPayBillOnline " and it works.
  const transactionType = f.oneOf(b.TransactionType, STK_TRANSACTION_TYPES)
  if (!transactionType) {
    return invalid("TransactionType")
  }
  const amount = f.amount(b.Amount)
  if (amount === undefined) {
    return invalid("Amount")
  }
  const partyA = f.msisdn(b.PartyA)
  if (!partyA) {
    return invalid("PartyA")
  }
  const partyB = f.shortcode(b.PartyB)
  if (!partyB) {
    return invalid("PartyB")
  }
  const phoneNumber = f.msisdn(b.PhoneNumber)
  if (!phoneNumber) {
    return invalid("PhoneNumber")
  }
  const callBackUrl = f.httpUrl(b.CallBackURL)
  if (!callBackUrl) {
    return invalid("CallBackURL")
  }
  const accountReference = f.text(b.AccountReference, 1, 12)
  if (!accountReference) {
    return invalid("AccountReference")
  }
  const transactionDesc = f.optionalText(b.TransactionDesc, 13)
  if (transactionDesc === undefined) {
    return invalid("TransactionDesc")
  }
  return {
    ok: true,
    value: {
      businessShortCode,
      password,
      timestamp,
      transactionType,
      amount,
      partyA,
      partyB,
      phoneNumber,
      callBackUrl,
      accountReference,
      transactionDesc,
    },
  }
}

export const validateStkQuery = (body: unknown): Validation<StkQueryRequest> => {
  const b = fieldsOf(body)
  const businessShortCode = f.shortcode(b.BusinessShortCode)
  if (!businessShortCode) {
    return invalid("BusinessShortCode")
  }
  const password = f.text(b.Password, 1, 512)
  if (!password) {
    return invalid("Password")
  }
  const timestamp = f.timestamp(b.Timestamp)
  if (!timestamp) {
    return invalid("Timestamp")
  }
  const checkoutRequestId = f.text(b.CheckoutRequestID, 1, 64)
  if (!checkoutRequestId) {
    return invalid("CheckoutRequestID")
  }
  return { ok: true, value: { businessShortCode, password, timestamp, checkoutRequestId } }
}
