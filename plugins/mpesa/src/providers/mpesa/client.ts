import { MedusaError } from "@medusajs/framework/utils"
import { MPESA_MAX_AMOUNT_KES, MPESA_MIN_AMOUNT_KES } from "../../utils/amount"
import { darajaTimestamp, stkPassword } from "../../utils/daraja-time"
import { normalizeKenyanPhone } from "../../utils/phone"
import { interpretStkResult, normalizeResultCode } from "../../utils/result-codes"
import { sanitizeAccountReference, sanitizeRemarks, sanitizeTransactionDesc } from "../../utils/text"
import type {
  B2cPaymentInput,
  DarajaClientDeps,
  DarajaClientOptions,
  InitiatorAck,
  ReversalInput,
  StkPushInput,
  StkPushResult,
  StkQueryResult,
  TransactionStatusInput,
} from "./client-types"
import { DarajaError } from "./errors"
import { DarajaTransport, invalidResponse, type Json, str } from "./transport"
import { DARAJA_ERROR_CODES, DARAJA_PATHS } from "./types"

export type * from "./client-types"

const RECEIPT = /^[A-Za-z0-9]{6,20}$/
const REQUEST_ID = /^[A-Za-z0-9_-]{1,64}$/

const invalidInput = (message: string) => new MedusaError(MedusaError.Types.INVALID_DATA, message)

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
  private readonly now: () => number
  private readonly http: DarajaTransport

  constructor(options: DarajaClientOptions, deps: DarajaClientDeps = {}) {
    if (options.transactionType === "CustomerBuyGoodsOnline" && !options.tillNumber) {
      throw invalidInput("Option `tillNumber` is required when transactionType is CustomerBuyGoodsOnline")
    }
    this.options = options
    this.now = deps.now ?? Date.now
    this.http = new DarajaTransport(options, deps)
  }

  /**
   * A valid access token: the cached one until `tokenRefreshMarginSeconds`
   * before expiry, else a new one. Concurrent callers share one OAuth call.
   */
  getToken(): Promise<string> {
    return this.http.getToken()
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
    const body = await this.http.call("stkpush", DARAJA_PATHS.stkPush, {
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
      throw invalidResponse("stkpush", "no CheckoutRequestID/MerchantRequestID", true)
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
      body = await this.http.call("stkquery", DARAJA_PATHS.stkQuery, {
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
      throw invalidResponse("stkquery", "no ResultCode", false)
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
    const body = await this.http.call("reversal", DARAJA_PATHS.reversal, {
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
    const body = await this.http.call("b2c", DARAJA_PATHS.b2c, {
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
    const body = await this.http.call("transactionstatus", DARAJA_PATHS.transactionStatus, {
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
  post(endpoint: string, path: string, payload: Json): Promise<Json> {
    return this.http.call(endpoint, path, payload)
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
      throw invalidResponse(endpoint, "no ConversationID", true)
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
}
