import * as f from "./fields"
import { fieldsOf, invalid, Validation } from "./result"

export const C2B_RESPONSE_TYPES = ["Completed", "Cancelled"] as const
export type C2bResponseType = (typeof C2B_RESPONSE_TYPES)[number]
export const C2B_COMMANDS = ["CustomerPayBillOnline", "CustomerBuyGoodsOnline"] as const
export type C2bCommand = (typeof C2B_COMMANDS)[number]

export interface C2bRegisterRequest {
  shortCode: string
  responseType: C2bResponseType
  confirmationUrl: string
  validationUrl: string
}

export interface C2bSimulateRequest {
  shortCode: string
  commandId: C2bCommand
  amount: number
  msisdn: string
  billRefNumber: string
}

// Safaricom refuses callback URLs containing these words or hosts (docs, mpesakit).
const BANNED_WORDS = ["m-pesa", "mpesa", "safaricom", "exec", "exe", "cmd", "sql", "query"]
const BANNED_HOSTS = ["ngrok", "mockbin", "requestbin"]

/** The reason a C2B URL is refused, in Daraja's words, or undefined when it is acceptable. */
export const c2bUrlProblem = (url: string): string | undefined => {
  const lower = url.toLowerCase()
  const word = BANNED_WORDS.find((w) => lower.includes(w))
  if (word) {
    return `URL has the word ${word.toUpperCase()}`
  }
  const host = new URL(url).hostname.toLowerCase()
  const blocked = BANNED_HOSTS.find((h) => host.includes(h))
  return blocked ? `URL host ${blocked} is not allowed` : undefined
}

export const validateC2bRegister = (body: unknown): Validation<C2bRegisterRequest> => {
  const b = fieldsOf(body)
  const shortCode = f.shortcode(b.ShortCode)
  if (!shortCode) {
    return invalid("ShortCode")
  }
  // Sentence case only: "completed" is refused.
  const responseType = C2B_RESPONSE_TYPES.find((t) => t === b.ResponseType)
  if (!responseType) {
    return invalid("ResponseType")
  }
  const confirmationUrl = f.httpUrl(b.ConfirmationURL)
  if (!confirmationUrl) {
    return invalid("ConfirmationURL")
  }
  const validationUrl = f.httpUrl(b.ValidationURL)
  if (!validationUrl) {
    return invalid("ValidationURL")
  }
  return { ok: true, value: { shortCode, responseType, confirmationUrl, validationUrl } }
}

export const validateC2bSimulate = (body: unknown): Validation<C2bSimulateRequest> => {
  const b = fieldsOf(body)
  const shortCode = f.shortcode(b.ShortCode)
  if (!shortCode) {
    return invalid("ShortCode")
  }
  const commandId = f.oneOf(b.CommandID, C2B_COMMANDS)
  if (!commandId) {
    return invalid("CommandID")
  }
  const amount = f.amount(b.Amount)
  if (amount === undefined) {
    return invalid("Amount")
  }
  const msisdn = f.msisdn(b.Msisdn)
  if (!msisdn) {
    return invalid("Msisdn")
  }
  // Buy Goods payments carry no account number; paybills need one.
  const billRefNumber =
    commandId === "CustomerBuyGoodsOnline"
      ? f.optionalText(b.BillRefNumber, 20) ?? ""
      : f.text(b.BillRefNumber, 1, 20)
  if (billRefNumber === undefined) {
    return invalid("BillRefNumber")
  }
  return { ok: true, value: { shortCode, commandId, amount, msisdn, billRefNumber } }
}
