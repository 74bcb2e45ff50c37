import * as f from "./fields"
import { checkFields, Validation } from "./result"

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

export const validateC2bRegister = (body: unknown): Validation<C2bRegisterRequest> =>
  checkFields(body, {
    shortCode: ["ShortCode", f.shortcode],
    // Sentence case only: "completed" is refused.
    responseType: ["ResponseType", (v) => C2B_RESPONSE_TYPES.find((t) => t === v)],
    confirmationUrl: ["ConfirmationURL", f.httpUrl],
    validationUrl: ["ValidationURL", f.httpUrl],
  })

export const validateC2bSimulate = (body: unknown): Validation<C2bSimulateRequest> =>
  checkFields(body, {
    shortCode: ["ShortCode", f.shortcode],
    commandId: ["CommandID", (v) => f.oneOf(v, C2B_COMMANDS)],
    amount: ["Amount", f.amount],
    msisdn: ["Msisdn", f.msisdn],
    // Buy Goods payments carry no account number; paybills need one.
    billRefNumber: [
      "BillRefNumber",
      (v, b) =>
        f.oneOf(b.CommandID, C2B_COMMANDS) === "CustomerBuyGoodsOnline"
          ? f.optionalText(v, 20) ?? ""
          : f.text(v, 1, 20),
    ],
  })
