export type MpesaTransactionType = "CustomerPayBillOnline" | "CustomerBuyGoodsOnline"
export type MpesaEnvironment = "sandbox" | "production"

/** Options of the M-Pesa payment provider, as written in medusa-config. */
export interface MpesaOptions {
  /** Daraja app consumer key (developer portal → My Apps). Required. */
  consumerKey: string
  /** Daraja app consumer secret. Required; never logged or returned in errors. */
  consumerSecret: string
  /**
   * `BusinessShortCode`: the paybill number, or for a till the head-office
   * (HO/store) number the till belongs to. 5–8 digits. Required.
   */
  shortcode: string
  /** Lipa na M-Pesa Online passkey of `shortcode` (Safaricom sends it at go-live). Required. */
  passkey: string
  /**
   * `CustomerPayBillOnline` (paybill, default) or `CustomerBuyGoodsOnline`
   * (till). Mixing them up is the usual cause of result codes 2028 and SFC_IC0003.
   */
  transactionType?: MpesaTransactionType
  /**
   * Till number customers pay into (`PartyB`). Required with
   * `CustomerBuyGoodsOnline`; ignored for paybills, where PartyB is `shortcode`.
   */
  tillNumber?: string
  /** `sandbox` (default) or `production`; picks the Daraja host unless `baseUrl` is set. */
  environment?: MpesaEnvironment
  /**
   * Overrides the Daraja host, e.g. the local Daraja simulator
   * (`http://127.0.0.1:8719`). Paths are appended to it.
   */
  baseUrl?: string
  /**
   * Public base URL of this Medusa backend (e.g. `https://shop.example.co.ke`).
   * Daraja POSTs results under it. Must be https in production, and must not
   * contain words Daraja refuses (mpesa, safaricom, exe, exec, cmd, sql, query).
   * Required.
   */
  callbackUrl: string
  /**
   * Secret token added to callback URLs and compared in constant time, because
   * Daraja callbacks are unsigned. At least 16 URL-safe characters. Required in
   * production.
   */
  callbackSecret?: string
  /**
   * `AccountReference` shown on the prompt when the provider has nothing more
   * specific. ≤ 12 letters, digits, spaces or hyphens. Default "Payment".
   */
  accountReference?: string
  /** Default `TransactionDesc`. ≤ 13 letters, digits, spaces or hyphens. Default "Payment". */
  transactionDesc?: string
  /** Initiator user name for Reversal and Transaction Status. Needed for refunds. */
  initiatorName?: string
  /**
   * The initiator password RSA-encrypted with Safaricom's certificate and
   * base64-encoded (344 characters for a 2048-bit key). Needed for refunds;
   * never logged or returned in errors.
   */
  securityCredential?: string
  /**
   * B2C shortcode (5–8 digits) that pays partial refunds to the shopper's phone.
   * M-Pesa reversals only return a payment in full, so without it partial
   * refunds are refused. Needs a B2C initiator (below, or initiatorName).
   */
  b2cShortcode?: string
  /** Initiator on the B2C shortcode. Default: initiatorName. */
  b2cInitiatorName?: string
  /** That initiator's encrypted credential. Default: securityCredential. */
  b2cSecurityCredential?: string
  /** B2C CommandID for refunds: "BusinessPayment" (default), "SalaryPayment" or "PromotionPayment". */
  b2cCommandId?: B2cCommandId
  /**
   * Seconds after a push with no callback before the provider asks STK Query
   * itself. Default 30 (prompts last about 60 s; callbacks go missing).
   */
  reconcileAfterSeconds?: number
  /**
   * Hours after which reconciliation stops re-asking about a push: one last
   * STK Query, and if that cannot settle it the push goes to the merchant's
   * review queue. Default 24.
   */
  reconcileMaxAgeHours?: number
  /** Days the raw callback log (bodies with phone numbers) is kept. Default 90. */
  callbackLogRetentionDays?: number
  /** Days the push-attempt history is kept. Default 30. */
  pushAttemptRetentionDays?: number
  /** Pushes allowed per phone number per hour, against prompt spam. Default 5. */
  maxPushesPerPhonePerHour?: number
  /** Pushes allowed per cart per hour. Default 10. */
  maxPushesPerCartPerHour?: number
  /**
   * Pushes allowed per client address (the request's IP, as Medusa reads it
   * behind one proxy) per hour, against one caller prompting many phones.
   * Default 30. Shoppers behind one mobile-carrier NAT share an address, so
   * keep it well above what one shopper needs.
   */
  maxPushesPerClientPerHour?: number
  /**
   * Refresh the OAuth token this many seconds before it expires. Default 120.
   * Each new Daraja token can invalidate the previous one, so the token is
   * cached and shared instead of fetched per call.
   */
  tokenRefreshMarginSeconds?: number
  /** Abort a Daraja HTTP call after this many milliseconds. Default 15000. */
  requestTimeoutMs?: number
  /**
   * Redis URL for sharing the access token between instances (server and
   * worker processes). Without it each process keeps its own token, which is
   * fine for one process; Soko sets it from REDIS_URL.
   */
  tokenCacheRedisUrl?: string
  /**
   * The paybill or till shoppers pay by hand, by Dynamic QR or when a prompt
   * fails (C2B). Setting it turns C2B on: confirmations are recorded,
   * confirmed with Daraja and matched to orders. 5–8 digits.
   */
  c2bShortcode?: string
  /** "paybill" (default: matched by the account typed) or "till" (matched by amount, phone and time). */
  c2bType?: "paybill" | "till"
  /**
   * What a paybill payment's account must be: "display_id" (the order number,
   * e.g. 1042), "short_code" (the code on the order page, e.g. K7M2QX) or
   * "both" (default). Not for tills.
   */
  c2bAccountFormat?: "display_id" | "short_code" | "both"
  /**
   * Answer Daraja's validation requests (declining accounts that name no
   * order, and fractional or out-of-range amounts). Safaricom enables
   * validation per shortcode on request. Default false.
   */
  c2bValidation?: boolean
  /** Ask Pull Transactions for payments whose confirmation never came (production only). Default false. */
  c2bPullTransactions?: boolean
  /**
   * The merchant's M-Pesa phone Safaricom registers Pull Transactions
   * against (required with `c2bPullTransactions`). Used once, at registration;
   * never logged.
   */
  c2bPullNominatedNumber?: string
  /** Hours back each Pull Transactions query looks, 1–48 (Daraja keeps 48). Default 24. */
  c2bPullWindowHours?: number
  /** Till payments match orders placed at most this many minutes before them, 5–1440. Default 60. */
  c2bTillWindowMinutes?: number
  /**
   * The name the shopper's M-Pesa app shows after scanning the payment QR
   * code (Dynamic QR's MerchantName), at most 50 characters. Default: the
   * store's name in Medusa.
   */
  c2bMerchantName?: string
}

/** C2B after validation: set only when `c2bShortcode` is. */
export interface ResolvedC2bOptions {
  shortcode: string
  type: "paybill" | "till"
  accountFormat: "display_id" | "short_code" | "both"
  validation: boolean
  pullTransactions: boolean
  /** MSISDN (2547…): the Pull Transactions registration's nominated number. */
  pullNominatedNumber?: string
  pullWindowHours: number
  tillWindowMinutes: number
  /** Set only when configured; otherwise the store's name is used. */
  merchantName?: string
}

export const B2C_COMMAND_IDS = ["BusinessPayment", "SalaryPayment", "PromotionPayment"] as const
export type B2cCommandId = (typeof B2C_COMMAND_IDS)[number]

export interface ResolvedB2cOptions {
  shortcode: string
  initiatorName: string
  securityCredential: string
  commandId: B2cCommandId
}

/** Options after validation: defaults applied, the Daraja host resolved. */
export interface ResolvedMpesaOptions {
  consumerKey: string
  consumerSecret: string
  shortcode: string
  passkey: string
  transactionType: MpesaTransactionType
  /** Set when transactionType is CustomerBuyGoodsOnline. */
  tillNumber?: string
  environment: MpesaEnvironment
  /** Daraja host without a trailing slash. */
  baseUrl: string
  /** Backend base URL without a trailing slash. */
  callbackUrl: string
  callbackSecret?: string
  accountReference: string
  transactionDesc: string
  initiatorName?: string
  securityCredential?: string
  /** Set when b2cShortcode is configured (partial refunds by B2C). */
  b2c?: ResolvedB2cOptions
  /** Set when c2bShortcode is configured (payments by paybill/till without a prompt). */
  c2b?: ResolvedC2bOptions
  reconcileAfterSeconds: number
  reconcileMaxAgeHours: number
  callbackLogRetentionDays: number
  pushAttemptRetentionDays: number
  maxPushesPerPhonePerHour: number
  maxPushesPerCartPerHour: number
  maxPushesPerClientPerHour: number
  tokenRefreshMarginSeconds: number
  requestTimeoutMs: number
  tokenCacheRedisUrl?: string
}

export const DARAJA_BASE_URLS = {
  sandbox: "https://sandbox.safaricom.co.ke",
  production: "https://api.safaricom.co.ke",
} as const satisfies Record<MpesaEnvironment, string>

export const DARAJA_PATHS = {
  oauth: "/oauth/v1/generate?grant_type=client_credentials",
  stkPush: "/mpesa/stkpush/v1/processrequest",
  stkQuery: "/mpesa/stkpushquery/v1/query",
  reversal: "/mpesa/reversal/v1/request",
  transactionStatus: "/mpesa/transactionstatus/v1/query",
  b2c: "/mpesa/b2c/v3/paymentrequest",
  c2bRegisterUrl: "/mpesa/c2b/v2/registerurl",
  pullRegister: "/pulltransactions/v1/register",
  pullQuery: "/pulltransactions/v1/query",
  qrGenerate: "/mpesa/qrcode/v1/generate",
} as const

/** STK Push `ResultCode`s (callback numbers, STK Query strings). */
export const STK_RESULT_CODES = {
  SUCCESS: 0,
  INSUFFICIENT_FUNDS: 1,
  LESS_THAN_MINIMUM: 2,
  MORE_THAN_MAXIMUM: 3,
  DAILY_LIMIT_EXCEEDED: 4,
  MAX_BALANCE_EXCEEDED: 8,
  RULE_LIMITED: 17,
  SUBSCRIBER_LOCKED: 1001,
  EXPIRED: 1019,
  PUSH_SEND_ERROR: 1025,
  CANCELLED_BY_USER: 1032,
  DS_TIMEOUT: 1037,
  PROMPT_TOO_LONG: 1101,
  WRONG_PIN: 2001,
  NOT_PERMITTED: 2028,
  CREDENTIAL_LOCKED: 8006,
  PUSH_ERROR: 9999,
  OPERATOR_DOES_NOT_EXIST: "SFC_IC0003",
} as const

/** `errorCode`s of Daraja's HTTP error envelope `{ requestId, errorCode, errorMessage }`. */
export const DARAJA_ERROR_CODES = {
  INVALID_FIELD: "400.002.02",
  INVALID_PAYLOAD: "400.002.05",
  INVALID_AUTH_TYPE: "400.008.01",
  INVALID_GRANT_TYPE: "400.008.02",
  NO_API_PRODUCT: "401.003.01",
  RESOURCE_NOT_FOUND: "404.001.01",
  INVALID_ACCESS_TOKEN: "404.001.03",
  INVALID_AUTH_HEADER: "404.001.04",
  /** Merchant does not exist / Wrong credentials / Unable to lock subscriber / being processed. */
  STK_REJECTED: "500.001.1001",
  INTERNAL_ERROR: "500.002.1001",
  SPIKE_ARREST: "500.003.02",
  QUOTA_VIOLATION: "500.003.03",
  SYSTEM_ERROR: "500.003.1001",
} as const

/** Reversal `ResultCode`s besides 0. */
export const REVERSAL_RESULT_CODES = {
  SUCCESS: 0,
  ALREADY_REVERSED: "R000001",
  INVALID_ORIGINAL_TRANSACTION: "R000002",
} as const
