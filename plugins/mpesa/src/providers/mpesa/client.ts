import { createHash } from "node:crypto"
import { MedusaError } from "@medusajs/framework/utils"
import { MPESA_MAX_AMOUNT_KES, MPESA_MIN_AMOUNT_KES } from "../../utils/amount"
import { darajaTimestamp, stkPassword } from "../../utils/daraja-time"
import { normalizeKenyanPhone } from "../../utils/phone"
import { interpretStkResult, normalizeResultCode, StkResultInfo, StkOutcome } from "../../utils/result-codes"
import { sanitizeAccountReference, sanitizeRemarks, sanitizeTransactionDesc } from "../../utils/text"
import { DarajaError, darajaErrorFromFetchFailure, darajaErrorFromResponse } from "./errors"
import { CachedToken, InMemoryTokenStore, TokenStore } from "./token-store"
import { DARAJA_ERROR_CODES, DARAJA_PATHS, ResolvedMpesaOptions } from "./types"

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

type Json = Record<string, unknown>

// Daraja tokens live an hour; used when expires_in is missing or garbled.
const DEFAULT_TOKEN_SECONDS = 3599
const RECEIPT = /^[A-Za-z0-9]{6,20}$/
const REQUEST_ID = /^[A-Za-z0-9_-]{1,64}$/

const invalidInput = (message: string) => new MedusaError(MedusaError.Types.INVALID_DATA, message)

const isRecord = (value: unknown): value is Json =>
  typeof value === "object" && value !== null && !Array.isArray(value)

const str = (value: unknown): string | undefined =>
  typeof value === "string" ? value : typeof value === "number" ? String(value) : undefined

const assertWholeKes = (amount: number) => {
  if (!Number.isSafeInteger(amount) || amount < MPESA_MIN_AMOUNT_KES || amount > MPESA_MAX_AMOUNT_KES) {
    throw invalidInput(
      `M-Pesa amounts must be whole KES from ${MPESA_MIN_AMOUNT_KES} to ${MPESA_MAX_AMOUNT_KES}; use toMpesaAmount`
    )
  }
}

/**
 * HTTP client for Daraja: OAuth, STK Push/Query, Reversal, Transaction Status.
 * It does one thing per call and never retries on its own, except once with a
 * fresh token when Daraja says 404.001.03; callers decide on retries from
 * `DarajaError.transient` and `.indeterminate`.
 */
export class DarajaClient {
  private readonly options: DarajaClientOptions
  private readonly fetchImpl: typeof fetch
  private readonly now: () => number
  private readonly tokenStore: TokenStore
  private readonly tokenKey: string
  private inflightToken?: Promise<string>

  constructor(options: DarajaClientOptions, deps: DarajaClientDeps = {}) {
    if (options.transactionType === "CustomerBuyGoodsOnline" && !options.tillNumber) {
      throw invalidInput("Option `tillNumber` is required when transactionType is CustomerBuyGoodsOnline")
    }
    this.options = { ...options, baseUrl: options.baseUrl.replace(/\/+$/, "") }
    this.fetchImpl = deps.fetch ?? ((input, init) => fetch(input, init))
    this.now = deps.now ?? Date.now
    this.tokenStore = deps.tokenStore ?? new InMemoryTokenStore()
    // Hashed so a shared store (Redis) never holds the consumer key in clear.
    this.tokenKey =
      "daraja:token:" +
      createHash("sha256").update(`${this.options.baseUrl}\n${options.consumerKey}`).digest("hex").slice(0, 32)
  }

  /**
   * A valid access token: the cached one until `tokenRefreshMarginSeconds`
   * before expiry, else a new one. Concurrent callers share one OAuth call.
   */
  async getToken(): Promise<string> {
    const cached = await this.tokenStore.get(this.tokenKey)
    if (cached && this.now() < cached.refreshAt) {
      return cached.accessToken
    }
    return this.fetchTokenOnce()
  }

  async stkPush(input: StkPushInput): Promise<StkPushResult> {
    const phone = normalizeKenyanPhone(input.phone)
    if (!phone.ok) {
      throw invalidInput(phone.reason)
    }
    assertWholeKes(input.amount)
    if (typeof input.callbackUrl !== "string" || input.callbackUrl.length === 0) {
      throw invalidInput("stkPush needs a callbackUrl")
    }
    const o = this.options
    const timestamp = darajaTimestamp(this.now())
    const accountReference = sanitizeAccountReference(input.accountReference, o.accountReference)
    const transactionDesc = sanitizeTransactionDesc(input.transactionDesc, o.transactionDesc)
    const body = await this.call("stkpush", DARAJA_PATHS.stkPush, {
      BusinessShortCode: o.shortcode,
      Password: stkPassword(o.shortcode, o.passkey, timestamp),
      Timestamp: timestamp,
      TransactionType: o.transactionType,
      Amount: input.amount,
      PartyA: phone.msisdn,
      // Tills are paid into the till; BusinessShortCode stays the store number.
      PartyB: o.transactionType === "CustomerBuyGoodsOnline" ? o.tillNumber : o.shortcode,
      PhoneNumber: phone.msisdn,
      CallBackURL: input.callbackUrl,
      AccountReference: accountReference,
      TransactionDesc: transactionDesc,
    })
    this.assertAccepted("stkpush", body)
    const checkoutRequestId = str(body.CheckoutRequestID)
    const merchantRequestId = str(body.MerchantRequestID)
    if (!checkoutRequestId || !REQUEST_ID.test(checkoutRequestId) || !merchantRequestId) {
      throw this.invalidResponse("stkpush", "no CheckoutRequestID/MerchantRequestID", true)
    }
    return {
      merchantRequestId,
      checkoutRequestId,
      responseDescription: str(body.ResponseDescription) ?? "",
      customerMessage: str(body.CustomerMessage) ?? "",
      msisdn: phone.msisdn,
      amount: input.amount,
      accountReference,
      transactionDesc,
      timestamp,
    }
  }

  /**
   * STK Query. While the prompt is open Daraja answers with an error envelope
   * (500.001.1001 "The transaction is being processed"); that is returned as
   * a `pending` result, not thrown.
   */
  async stkQuery(checkoutRequestId: string): Promise<StkQueryResult> {
    if (typeof checkoutRequestId !== "string" || !REQUEST_ID.test(checkoutRequestId)) {
      throw invalidInput("stkQuery needs a CheckoutRequestID")
    }
    const o = this.options
    const timestamp = darajaTimestamp(this.now())
    let body: Json
    try {
      body = await this.call("stkquery", DARAJA_PATHS.stkQuery, {
        BusinessShortCode: o.shortcode,
        Password: stkPassword(o.shortcode, o.passkey, timestamp),
        Timestamp: timestamp,
        CheckoutRequestID: checkoutRequestId,
      })
    } catch (error) {
      if (
        error instanceof DarajaError &&
        error.errorCode === DARAJA_ERROR_CODES.STK_REJECTED &&
        /being processed/i.test(error.errorMessage)
      ) {
        const info = interpretStkResult(DARAJA_ERROR_CODES.STK_REJECTED)
        return {
          checkoutRequestId,
          resultCode: info.code,
          resultDesc: error.errorMessage,
          outcome: info.outcome,
          info,
        }
      }
      throw error
    }
    const resultCode = normalizeResultCode(body.ResultCode)
    if (resultCode === undefined) {
      throw this.invalidResponse("stkquery", "no ResultCode", false)
    }
    const resultDesc = (str(body.ResultDesc) ?? "").slice(0, 200)
    const info = interpretStkResult(resultCode, resultDesc)
    const merchantRequestId = str(body.MerchantRequestID)
    return {
      checkoutRequestId,
      ...(merchantRequestId ? { merchantRequestId } : {}),
      resultCode,
      resultDesc,
      outcome: info.outcome,
      info,
    }
  }

  /**
   * Asks Daraja to reverse a payment (full amount). Acceptance is not the
   * refund: the result arrives at `resultUrl` (R000001 already reversed,
   * R000002 unknown receipt).
   */
  async reversal(input: ReversalInput): Promise<InitiatorAck> {
    const { initiatorName, securityCredential } = this.initiator("reversals")
    if (typeof input.transactionId !== "string" || !RECEIPT.test(input.transactionId)) {
      throw invalidInput("reversal needs the M-Pesa receipt number as transactionId")
    }
    assertWholeKes(input.amount)
    const body = await this.call("reversal", DARAJA_PATHS.reversal, {
      Initiator: initiatorName,
      SecurityCredential: securityCredential,
      CommandID: "TransactionReversal",
      TransactionID: input.transactionId.toUpperCase(),
      Amount: input.amount,
      ReceiverParty: input.receiverParty ?? this.options.shortcode,
      // Misspelled on purpose: Daraja rejects the correct spelling.
      RecieverIdentifierType: "11",
      ResultURL: input.resultUrl,
      QueueTimeOutURL: input.queueTimeoutUrl,
      Remarks: sanitizeRemarks(input.remarks, "Refund"),
      Occasion: sanitizeRemarks(input.occasion, "Refund"),
    })
    return this.initiatorAck("reversal", body)
  }

  /**
   * Pays a customer from the B2C shortcode (partial refunds). Acceptance is not
   * the payment: the Result at `resultUrl` says whether money moved.
   */
  async b2cPayment(input: B2cPaymentInput): Promise<InitiatorAck> {
    const b2c = this.options.b2c
    if (!b2c) {
      throw invalidInput("Option `b2cShortcode` is required for B2C payments")
    }
    if (typeof input.originatorConversationId !== "string" || !REQUEST_ID.test(input.originatorConversationId)) {
      throw invalidInput("b2cPayment needs an originatorConversationId of 1 to 64 letters, digits, _ or -")
    }
    const phone = normalizeKenyanPhone(input.phone)
    if (!phone.ok) {
      throw invalidInput(phone.reason)
    }
    assertWholeKes(input.amount)
    const body = await this.call("b2c", DARAJA_PATHS.b2c, {
      OriginatorConversationID: input.originatorConversationId,
      InitiatorName: b2c.initiatorName,
      SecurityCredential: b2c.securityCredential,
      CommandID: b2c.commandId,
      Amount: input.amount,
      PartyA: b2c.shortcode,
      PartyB: phone.msisdn,
      Remarks: sanitizeRemarks(input.remarks, "Refund"),
      QueueTimeOutURL: input.queueTimeoutUrl,
      ResultURL: input.resultUrl,
      // Misspelled on purpose: it is Daraja's field name.
      Occassion: sanitizeRemarks(input.occasion, "Refund"),
    })
    return this.initiatorAck("b2c", body)
  }

  /** Asks for a transaction's status; the answer arrives at `resultUrl`. */
  async transactionStatus(input: TransactionStatusInput): Promise<InitiatorAck> {
    const { initiatorName, securityCredential } = this.initiator("transaction status queries")
    if (!input.transactionId && !input.originalConversationId) {
      throw invalidInput("transactionStatus needs transactionId or originalConversationId")
    }
    if (input.transactionId !== undefined && !RECEIPT.test(input.transactionId)) {
      throw invalidInput("transactionStatus needs the M-Pesa receipt number as transactionId")
    }
    const body = await this.call("transactionstatus", DARAJA_PATHS.transactionStatus, {
      Initiator: initiatorName,
      SecurityCredential: securityCredential,
      CommandID: "TransactionStatusQuery",
      ...(input.transactionId ? { TransactionID: input.transactionId.toUpperCase() } : {}),
      ...(input.originalConversationId ? { OriginalConversationID: input.originalConversationId } : {}),
      PartyA: input.partyA ?? this.options.shortcode,
      IdentifierType: input.identifierType ?? "4",
      ResultURL: input.resultUrl,
      QueueTimeOutURL: input.queueTimeoutUrl,
      Remarks: sanitizeRemarks(input.remarks, "Status check"),
      Occasion: sanitizeRemarks(input.occasion, "Status check"),
    })
    return this.initiatorAck("transactionstatus", body)
  }

  /**
   * A bearer-token POST to another Daraja API (C2B registration, Pull
   * Transactions: c2b-client.ts), with the same token handling and errors.
   */
  async post(endpoint: string, path: string, payload: Json): Promise<Json> {
    return this.call(endpoint, path, payload)
  }

  private fetchTokenOnce(): Promise<string> {
    if (!this.inflightToken) {
      const fetch = () => this.fetchToken()
      const coordinated = this.tokenStore.coordinate ? this.tokenStore.coordinate(this.tokenKey, fetch) : fetch()
      this.inflightToken = coordinated.finally(() => {
        this.inflightToken = undefined
      })
    }
    return this.inflightToken
  }

  /**
   * After 404.001.03 for `staleToken`: reuse a refresh already under way or a
   * newer token someone else stored, and only otherwise fetch. Without this,
   * N concurrent rejections would fetch N tokens, each killing the previous.
   */
  private async tokenAfterRejection(staleToken: string): Promise<string> {
    if (this.inflightToken) {
      return this.inflightToken
    }
    const current = await this.tokenStore.get(this.tokenKey)
    if (current && current.accessToken !== staleToken && this.now() < current.refreshAt) {
      return current.accessToken
    }
    await this.tokenStore.delete(this.tokenKey, staleToken)
    return this.fetchTokenOnce()
  }

  private async fetchToken(): Promise<string> {
    const { baseUrl, consumerKey, consumerSecret } = this.options
    const basic = Buffer.from(`${consumerKey}:${consumerSecret}`).toString("base64")
    const { status, ok, body } = await this.send("oauth", `${baseUrl}${DARAJA_PATHS.oauth}`, {
      method: "GET",
      headers: { Authorization: `Basic ${basic}`, Accept: "application/json" },
    })
    if (!ok) {
      if (status === 400 || status === 401) {
        const envelope = darajaErrorFromResponse("oauth", status, body)
        throw new DarajaError({
          endpoint: "oauth",
          kind: "auth_failed",
          // Daraja answers bad credentials with 400 and an empty body.
          errorCode: isRecord(body) ? envelope.errorCode : "OAUTH_REJECTED",
          errorMessage: isRecord(body)
            ? envelope.errorMessage
            : "Daraja refused the consumer key/secret: check the consumerKey, consumerSecret and environment options",
          httpStatus: status,
          requestId: envelope.requestId,
          transient: false,
        })
      }
      throw darajaErrorFromResponse("oauth", status, body)
    }
    const accessToken = isRecord(body) ? str(body.access_token) : undefined
    if (!accessToken) {
      throw this.invalidResponse("oauth", "no access_token", false)
    }
    // "3599" in old answers, 3599 in v3.
    const seconds = Number.parseInt(String(isRecord(body) ? body.expires_in : ""), 10)
    const lifetimeMs = (Number.isFinite(seconds) && seconds > 0 ? seconds : DEFAULT_TOKEN_SECONDS) * 1000
    const issuedAt = this.now()
    // Never let the margin swallow a short-lived token entirely.
    const marginMs = Math.min(this.options.tokenRefreshMarginSeconds * 1000, lifetimeMs / 2)
    const token: CachedToken = {
      accessToken,
      expiresAt: issuedAt + lifetimeMs,
      refreshAt: issuedAt + lifetimeMs - marginMs,
    }
    await this.tokenStore.set(this.tokenKey, token)
    return accessToken
  }

  /** POST with the bearer token; once more with a fresh token on 404.001.03. */
  private async call(endpoint: string, path: string, payload: Json): Promise<Json> {
    const token = await this.getToken()
    try {
      return await this.postJson(endpoint, path, payload, token)
    } catch (error) {
      if (!(error instanceof DarajaError) || error.kind !== "invalid_token") {
        throw error
      }
      const fresh = await this.tokenAfterRejection(token)
      return this.postJson(endpoint, path, payload, fresh)
    }
  }

  private async postJson(endpoint: string, path: string, payload: Json, token: string): Promise<Json> {
    const { status, ok, body } = await this.send(endpoint, `${this.options.baseUrl}${path}`, {
      method: "POST",
      headers: {
        Authorization: `Bearer ${token}`,
        // Without it Daraja answers "Invalid BusinessShortCode".
        "Content-Type": "application/json",
        Accept: "application/json",
      },
      body: JSON.stringify(payload),
    })
    if (!ok) {
      throw darajaErrorFromResponse(endpoint, status, body)
    }
    if (!isRecord(body)) {
      throw this.invalidResponse(endpoint, "not a JSON object", true)
    }
    return body
  }

  private async send(
    endpoint: string,
    url: string,
    init: RequestInit
  ): Promise<{ status: number; ok: boolean; body: unknown }> {
    try {
      const response = await this.fetchImpl(url, {
        ...init,
        signal: AbortSignal.timeout(this.options.requestTimeoutMs),
      })
      const text = await response.text()
      let body: unknown
      try {
        body = text.length > 0 ? JSON.parse(text) : undefined
      } catch {
        body = undefined
      }
      return { status: response.status, ok: response.ok, body }
    } catch (error) {
      throw darajaErrorFromFetchFailure(endpoint, error)
    }
  }

  private assertAccepted(endpoint: string, body: Json) {
    const code = normalizeResultCode(body.ResponseCode)
    if (code !== "0") {
      throw new DarajaError({
        endpoint,
        kind: "rejected",
        errorCode: code ?? "INVALID_RESPONSE",
        errorMessage: (str(body.ResponseDescription) ?? "Daraja did not accept the request").slice(0, 300),
        httpStatus: 200,
        transient: false,
      })
    }
  }

  private initiatorAck(endpoint: string, body: Json): InitiatorAck {
    this.assertAccepted(endpoint, body)
    const conversationId = str(body.ConversationID)
    const originatorConversationId = str(body.OriginatorConversationID)
    if (!conversationId || !originatorConversationId) {
      throw this.invalidResponse(endpoint, "no ConversationID", true)
    }
    return {
      conversationId,
      originatorConversationId,
      responseDescription: str(body.ResponseDescription) ?? "",
    }
  }

  private initiator(purpose: string) {
    const { initiatorName, securityCredential } = this.options
    if (!initiatorName) {
      throw invalidInput(`Option \`initiatorName\` is required for ${purpose}`)
    }
    if (!securityCredential) {
      throw invalidInput(`Option \`securityCredential\` is required for ${purpose}`)
    }
    return { initiatorName, securityCredential }
  }

  private invalidResponse(endpoint: string, what: string, indeterminate: boolean) {
    return new DarajaError({
      endpoint,
      kind: "invalid_response",
      errorCode: "INVALID_RESPONSE",
      errorMessage: `Unexpected Daraja answer: ${what}`,
      transient: false,
      indeterminate,
    })
  }
}
