import type { StkOutcome, StkResultInfo } from "../../utils/result-codes"
import type { TokenStore } from "./token-store"
import type { ResolvedMpesaOptions } from "./types"

/** The options the client needs; `validateMpesaOptions` output fits. */
export type DarajaClientOptions = Pick<
  ResolvedMpesaOptions,
  | "consumerKey"
  | "consumerSecret"
  | "shortcode"
  | "passkey"
  | "transactionType"
  | "baseUrl"
  | "tokenRefreshMarginSeconds"
  | "requestTimeoutMs"
> &
  Partial<
    Pick<
      ResolvedMpesaOptions,
      "tillNumber" | "initiatorName" | "securityCredential" | "accountReference" | "transactionDesc" | "b2c"
    >
  >

export interface DarajaClientDeps {
  /** Defaults to the global fetch. */
  fetch?: typeof fetch
  /** Epoch milliseconds; drives token expiry and Timestamps. Defaults to Date.now. */
  now?: () => number
  /** Defaults to a per-client in-memory store. Share one store per consumer key. */
  tokenStore?: TokenStore
}

export interface StkPushInput {
  /** Any form a shopper types (0712…, +254…); normalised to 2547…/2541…. */
  phone: string
  /** Whole KES, from `toMpesaAmount`. */
  amount: number
  /** Shown on the prompt; sanitised to ≤ 12 safe characters. Defaults to the option. */
  accountReference?: string
  /** Sanitised to ≤ 13 safe characters. Defaults to the option. */
  transactionDesc?: string
  /** Full URL Daraja POSTs the result to. */
  callbackUrl: string
}

export interface StkPushResult {
  merchantRequestId: string
  checkoutRequestId: string
  responseDescription: string
  customerMessage: string
  /** What was actually sent, to store with the session. */
  msisdn: string
  amount: number
  accountReference: string
  transactionDesc: string
  timestamp: string
}

export interface StkQueryResult {
  checkoutRequestId: string
  merchantRequestId?: string
  /** Canonical ResultCode, or "500.001.1001" while the prompt is still open. */
  resultCode: string
  resultDesc: string
  outcome: StkOutcome
  info: StkResultInfo
}

export interface ReversalInput {
  /** The M-Pesa receipt of the payment, e.g. "NLJ7RT61SV". */
  transactionId: string
  /** Whole KES; Daraja reverses the full amount only. */
  amount: number
  resultUrl: string
  queueTimeoutUrl: string
  remarks?: string
  occasion?: string
  /** Defaults to `shortcode` (the paybill, or the store number for tills). */
  receiverParty?: string
}

export interface B2cPaymentInput {
  /**
   * Our own id for the payout. Daraja refuses a repeated one
   * (500.002.1001 "Duplicate OriginatorConversationID."), which makes a
   * retried request safe: it can never pay twice.
   */
  originatorConversationId: string
  /** Any common Kenyan form; normalised to 2547…/2541…. */
  phone: string
  /** Whole KES. */
  amount: number
  resultUrl: string
  queueTimeoutUrl: string
  remarks?: string
  occasion?: string
}

export interface TransactionStatusInput {
  /** The M-Pesa receipt; or give `originalConversationId`. */
  transactionId?: string
  originalConversationId?: string
  resultUrl: string
  queueTimeoutUrl: string
  remarks?: string
  occasion?: string
  /** Defaults to `shortcode`. */
  partyA?: string
  /** 1 MSISDN, 2 till, 4 shortcode (default). */
  identifierType?: "1" | "2" | "4"
}

/** Daraja's acknowledgement of an initiator request; the result follows at ResultURL. */
export interface InitiatorAck {
  originatorConversationId: string
  conversationId: string
  responseDescription: string
}
