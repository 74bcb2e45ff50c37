import type { ResultCode } from "../outcomes"

export const ENDPOINTS = [
  "oauth",
  "stkpush",
  "stkquery",
  "reversal",
  "b2c",
  "transactionstatus",
  "c2b-register",
  "c2b-simulate",
  "qrcode",
  "pull-register",
  "pull-query",
] as const
export type EndpointName = (typeof ENDPOINTS)[number]

/** An injected gateway failure: Daraja's envelope by default, or any status and raw body. */
export interface Fault {
  /** HTTP status, default 500. */
  status?: number
  /** Default "500.003.02". */
  errorCode?: string
  /** Default "System is busy. Please try again in few minutes." */
  errorMessage?: string
  /** A verbatim body instead of the envelope (e.g. an HTML 503 page, or "" for an empty reply). */
  body?: string
}

export interface CallbackOverride {
  /**
   * Never POST the callback (STK: the result is still visible to STK Query;
   * reversal and B2C: the money still moves and Transaction Status knows it,
   * as when Safaricom's Result never arrives).
   */
  skip?: boolean
  /** Total number of identical POSTs, e.g. 2 for one duplicate. */
  copies?: number
  /** Wait this long after settlement before POSTing (instead of the settings' delay). */
  delayMs?: number
  /** Report this Amount in CallbackMetadata while the ledger keeps the real one. */
  amount?: number
}

export interface OverrideInput {
  /** Which endpoint the override applies to; default "stkpush". "*" matches all. */
  endpoint?: EndpointName | "*"
  /** Only requests for this MSISDN (STK PhoneNumber, C2B Msisdn). */
  phone?: string
  /** Only requests for this amount. */
  amount?: number
  /** How many matching requests it applies to; default 1, 0 means until cleared. */
  times?: number
  /** Delay the HTTP answer; the request's effect still happens at once (like a slow gateway). */
  latencyMs?: number
  /** Answer with a fault instead of processing the request. */
  fault?: Fault
  /** STK: settle with this result code instead of the phone's script. */
  resultCode?: ResultCode
  resultDesc?: string
  /**
   * STK: keep the prompt open, whatever its script says, until
   * `release(checkoutRequestId)` settles it with that script (interactive
   * numbers pay). For tests that must act while a prompt is surely open.
   */
  hold?: boolean
  /** Shape the callback (all of it for STK; `skip` for reversal and B2C Results too). */
  callback?: CallbackOverride
}

export interface Override extends OverrideInput {
  id: string
  endpoint: EndpointName | "*"
  times: number
  used: number
}

export interface OverrideSubject {
  endpoint: EndpointName
  phone?: string
  amount?: number
}

/** Per-request overrides from the control API, consumed in the order they were added. */
export class OverrideStore {
  private overrides: Override[] = []
  private seq = 0

  add(input: OverrideInput): Override {
    const override: Override = {
      ...input,
      id: `ovr_${++this.seq}`,
      endpoint: input.endpoint ?? "stkpush",
      times: input.times ?? 1,
      used: 0,
    }
    this.overrides.push(override)
    return override
  }

  /** The first matching override (that `accept` also takes, when given), counted as used. */
  take(subject: OverrideSubject, accept: (o: Override) => boolean = () => true): Override | undefined {
    const found = this.overrides.find((o) => matches(o, subject) && accept(o))
    if (!found) {
      return undefined
    }
    found.used += 1
    if (found.times > 0 && found.used >= found.times) {
      this.overrides = this.overrides.filter((o) => o !== found)
    }
    return found
  }

  /**
   * Gives back a use of an override taken by a request Daraja then refused
   * (a stale token, a validation error): the override is meant for the
   * request that gets through, such as the client's retry with a new token.
   */
  giveBack(override: Override): void {
    override.used = Math.max(0, override.used - 1)
    if (!this.overrides.includes(override)) {
      this.overrides.unshift(override)
    }
  }

  remove(id: string): boolean {
    const before = this.overrides.length
    this.overrides = this.overrides.filter((o) => o.id !== id)
    return this.overrides.length < before
  }

  list(): Override[] {
    return [...this.overrides]
  }

  clear(): void {
    this.overrides = []
  }
}

export const matches = (o: Override, s: OverrideSubject): boolean =>
  (o.endpoint === "*" || o.endpoint === s.endpoint) &&
  (o.phone === undefined || o.phone === s.phone) &&
  (o.amount === undefined || o.amount === s.amount)
