import { DARAJA_ERROR_CODES } from "./types"

/**
 * What went wrong, in terms the provider can act on:
 * - `invalid_token`: 404.001.03 even after one refetch (wrong environment, app not approved yet)
 * - `auth_failed`: OAuth refused the consumer key/secret
 * - `invalid_field`: 400.002.02, `field` names the Daraja field
 * - `wrong_credentials`, `merchant_not_found`: shortcode/passkey configuration
 * - `subscriber_locked`: the phone already has an open prompt; wait for it to settle
 * - `rate_limited`: spike arrest / quota (500.003.02/.03, HTTP 429)
 * - `server`: other 5xx, `network`, `timeout`, `invalid_response`, `rejected` (other 4xx)
 */
export type DarajaErrorKind =
  | "invalid_token"
  | "auth_failed"
  | "invalid_field"
  | "invalid_payload"
  | "wrong_credentials"
  | "merchant_not_found"
  | "subscriber_locked"
  | "rate_limited"
  | "server"
  | "network"
  | "timeout"
  | "invalid_response"
  | "rejected"

export interface DarajaErrorInit {
  endpoint: string
  kind: DarajaErrorKind
  errorCode: string
  errorMessage: string
  httpStatus?: number
  requestId?: string
  transient: boolean
  indeterminate?: boolean
  field?: string
}

/**
 * A failed Daraja call. Built only from Daraja's answer and our own words,
 * never from the request, so secrets (consumer secret, passkey, Password,
 * SecurityCredential, tokens) cannot leak through messages or logs.
 */
export class DarajaError extends Error {
  readonly endpoint: string
  readonly kind: DarajaErrorKind
  /** Daraja's errorCode ("400.002.02"), or ours: "NETWORK", "TIMEOUT", "INVALID_RESPONSE", "OAUTH_REJECTED", "HTTP_<status>". */
  readonly errorCode: string
  readonly errorMessage: string
  readonly httpStatus?: number
  readonly requestId?: string
  /** Worth retrying later with backoff: 5xx, spike arrest, network errors, timeouts. */
  readonly transient: boolean
  /**
   * The request may have taken effect although we got no answer (timeout,
   * dropped connection). After an STK push, query or wait for the callback
   * before pushing again.
   */
  readonly indeterminate: boolean
  /** For 400.002.02 "Bad Request - Invalid <Field>", the field Daraja named. */
  readonly field?: string

  constructor(init: DarajaErrorInit) {
    super(`Daraja ${init.endpoint} failed: ${init.errorCode} ${init.errorMessage}`.trim())
    this.name = "DarajaError"
    this.endpoint = init.endpoint
    this.kind = init.kind
    this.errorCode = init.errorCode
    this.errorMessage = init.errorMessage
    this.httpStatus = init.httpStatus
    this.requestId = init.requestId
    this.transient = init.transient
    this.indeterminate = init.indeterminate ?? false
    this.field = init.field
  }

  toJSON() {
    return {
      name: this.name,
      endpoint: this.endpoint,
      kind: this.kind,
      errorCode: this.errorCode,
      errorMessage: this.errorMessage,
      httpStatus: this.httpStatus,
      requestId: this.requestId,
      transient: this.transient,
      indeterminate: this.indeterminate,
      field: this.field,
    }
  }
}

const MAX_MESSAGE_LENGTH = 300

const text = (value: unknown): string | undefined =>
  typeof value === "string" && value.trim() ? value.trim().slice(0, MAX_MESSAGE_LENGTH) : undefined

/**
 * Classifies Daraja's error answer: the `{ requestId, errorCode, errorMessage }`
 * envelope, Apigee's `{ fault: { faultstring, detail: { errorcode } } }`, or
 * anything else (HTML error pages, empty bodies).
 */
export function darajaErrorFromResponse(
  endpoint: string,
  httpStatus: number,
  body: unknown
): DarajaError {
  const record = typeof body === "object" && body !== null ? (body as Record<string, unknown>) : {}
  const fault =
    typeof record.fault === "object" && record.fault !== null
      ? (record.fault as Record<string, unknown>)
      : undefined
  const detail =
    fault && typeof fault.detail === "object" && fault.detail !== null
      ? (fault.detail as Record<string, unknown>)
      : undefined
  const errorCode = text(record.errorCode) ?? text(detail?.errorcode) ?? `HTTP_${httpStatus}`
  const errorMessage =
    text(record.errorMessage) ?? text(fault?.faultstring) ?? `HTTP ${httpStatus} without a Daraja error body`
  const requestId = text(record.requestId)
  const base = { endpoint, errorCode, errorMessage, httpStatus, requestId }

  if (errorCode === DARAJA_ERROR_CODES.INVALID_ACCESS_TOKEN) {
    return new DarajaError({ ...base, kind: "invalid_token", transient: false })
  }
  if (errorCode === DARAJA_ERROR_CODES.INVALID_FIELD) {
    const field = /Invalid\s+([A-Za-z]+)/.exec(errorMessage)?.[1]
    return new DarajaError({ ...base, kind: "invalid_field", transient: false, field })
  }
  if (errorCode === DARAJA_ERROR_CODES.INVALID_PAYLOAD) {
    return new DarajaError({ ...base, kind: "invalid_payload", transient: false })
  }
  if (errorCode === DARAJA_ERROR_CODES.STK_REJECTED) {
    // One code, several meanings; only the message tells them apart.
    const lower = errorMessage.toLowerCase()
    const kind: DarajaErrorKind = lower.includes("lock subscriber")
      ? "subscriber_locked"
      : lower.includes("merchant does not exist")
        ? "merchant_not_found"
        : lower.includes("wrong credentials")
          ? "wrong_credentials"
          : "rejected"
    return new DarajaError({ ...base, kind, transient: false })
  }
  const rateLimited =
    httpStatus === 429 ||
    errorCode === DARAJA_ERROR_CODES.SPIKE_ARREST ||
    errorCode === DARAJA_ERROR_CODES.QUOTA_VIOLATION ||
    /spike\s*arrest|quota/i.test(`${errorCode} ${errorMessage}`)
  if (rateLimited) {
    return new DarajaError({ ...base, kind: "rate_limited", transient: true })
  }
  if (httpStatus >= 500) {
    // A 5xx without Daraja's envelope came from a proxy or load balancer: the
    // request may or may not have reached M-Pesa.
    const enveloped = text(record.errorCode) !== undefined
    return new DarajaError({ ...base, kind: "server", transient: true, indeterminate: !enveloped })
  }
  return new DarajaError({ ...base, kind: "rejected", transient: false })
}

const NOT_SENT_CODES = new Set(["ECONNREFUSED", "ENOTFOUND", "EAI_AGAIN", "ERR_INVALID_URL"])

/** A fetch that threw: timeouts and network failures, all transient. */
export function darajaErrorFromFetchFailure(endpoint: string, error: unknown): DarajaError {
  const err = error as { name?: string; code?: string; cause?: { code?: string } } | undefined
  if (err?.name === "TimeoutError" || err?.name === "AbortError") {
    return new DarajaError({
      endpoint,
      kind: "timeout",
      errorCode: "TIMEOUT",
      errorMessage: "No answer from Daraja before the request timeout",
      transient: true,
      indeterminate: true,
    })
  }
  const code = err?.cause?.code ?? err?.code
  return new DarajaError({
    endpoint,
    kind: "network",
    errorCode: "NETWORK",
    errorMessage: `Could not reach Daraja${code ? ` (${String(code).slice(0, 40)})` : ""}`,
    transient: true,
    indeterminate: !(code && NOT_SENT_CODES.has(code)),
  })
}
