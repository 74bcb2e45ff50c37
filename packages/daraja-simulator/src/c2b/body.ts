import { kes, maskMsisdn } from "../callbacks/bodies"
import type { C2bPayment } from "../state/c2b-payments"
import { darajaTimestamp } from "../time"

/**
 * The v2 validation and confirmation body. The MSISDN is masked the way
 * Daraja has sent it since 2021 (`2547 ***** 126`), so a shop matches on
 * BillRefNumber (paybill) or on amount and time (till), never on the phone.
 * OrgAccountBalance is empty in the validation call: the money has not moved yet.
 */
export const c2bTransactionBody = (payment: C2bPayment, orgAccountBalance = ""): Record<string, string> => ({
  TransactionType: payment.transactionType,
  TransID: payment.transId,
  TransTime: darajaTimestamp(payment.at),
  TransAmount: kes(payment.amount),
  BusinessShortCode: payment.businessShortCode,
  BillRefNumber: payment.billRefNumber,
  InvoiceNumber: "",
  OrgAccountBalance: orgAccountBalance,
  ThirdPartyTransID: "",
  MSISDN: maskMsisdn(payment.msisdn),
  FirstName: payment.firstName,
  MiddleName: "",
  LastName: "",
})

/** The rejection codes a ValidationURL may answer (docs): MSISDN, account, amount, KYC, shortcode, other. */
export const C2B_REJECTION_CODES = ["C2B00011", "C2B00012", "C2B00013", "C2B00014", "C2B00015", "C2B00016"] as const

export type ValidationVerdict = { accepted: true } | { accepted: false; resultCode: string } | undefined

/**
 * What a ValidationURL's answer means: `ResultCode` "0" (or 0) accepts, one of
 * the six C2B000xx codes rejects, and anything else (another code, not JSON,
 * a non-2xx status) is no usable answer, so the registered ResponseType applies.
 */
export const validationVerdict = (status: number, body: string): ValidationVerdict => {
  if (status < 200 || status >= 300) {
    return undefined
  }
  let code: string
  try {
    code = String((JSON.parse(body) as { ResultCode?: unknown }).ResultCode)
  } catch {
    return undefined
  }
  if (code === "0") {
    return { accepted: true }
  }
  const rejection = C2B_REJECTION_CODES.find((c) => c === code)
  return rejection ? { accepted: false, resultCode: rejection } : undefined
}
