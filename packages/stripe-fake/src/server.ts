import crypto from "node:crypto"
import http, { IncomingMessage, ServerResponse } from "node:http"
import type { AddressInfo } from "node:net"
import { canonical, FormObject, FormValue, parseForm } from "./form"
import { signStripePayload } from "./signature"

export const API_VERSION = "2024-04-10"
export const CONTROL_PREFIX = "/__control"

type Json = Record<string, unknown>

export type PaymentIntent = {
  id: string
  object: "payment_intent"
  amount: number
  amount_capturable: number
  amount_received: number
  automatic_payment_methods: { enabled: boolean } | null
  canceled_at: number | null
  cancellation_reason: string | null
  capture_method: "automatic" | "manual"
  client_secret: string
  confirmation_method: "automatic"
  created: number
  currency: string
  customer: string | null
  description: string | null
  last_payment_error: Json | null
  latest_charge: string | null
  livemode: false
  metadata: Record<string, string>
  next_action: Json | null
  payment_method: string | null
  payment_method_configuration_details: null
  payment_method_types: string[]
  setup_future_usage: string | null
  status:
    | "requires_payment_method"
    | "requires_confirmation"
    | "requires_action"
    | "processing"
    | "requires_capture"
    | "canceled"
    | "succeeded"
}

export type Refund = {
  id: string
  object: "refund"
  amount: number
  charge: string | null
  created: number
  currency: string
  metadata: Record<string, string>
  payment_intent: string
  reason: string | null
  status: "succeeded"
}

export type StripeEvent = {
  id: string
  object: "event"
  api_version: string
  created: number
  data: { object: Json }
  livemode: false
  pending_webhooks: number
  request: { id: string | null; idempotency_key: string | null }
  type: string
}

export type WebhookEndpoint = { url: string; secret: string }

export type Delivery = { eventId: string; url: string; status: number | "error"; body: string }

export type RequestRecord = {
  method: string
  path: string
  idempotencyKey: string | null
  status: number
  /** True when the reply was a stored idempotent reply, not a new execution. */
  replayed: boolean
}

export type InjectedError = {
  /** Matched against "METHOD /path", e.g. /POST \/v1\/payment_intents$/. */
  match: RegExp
  status: number
  type: "api_error" | "invalid_request_error" | "rate_limit_error" | "card_error"
  code?: string
  message?: string
  times: number
}

export type StripeFakeOptions = {
  port?: number
  host?: string
  /** Endpoints that receive events (Stripe's "webhook endpoints"). */
  webhooks?: WebhookEndpoint[]
  /**
   * "auto": each event is POSTed to every endpoint right after the request
   * that caused it; "manual": events are kept until `deliver()` is called.
   */
  delivery?: "auto" | "manual"
  /** Clock in milliseconds (object timestamps, signature `t=`). */
  now?: () => number
  /** API keys accepted as secret keys; default: any `sk_test_…`. */
  secretKeys?: string[]
}

/** Stripe's test PaymentMethod ids and what confirming with them does. */
const TEST_METHODS: Record<string, { brand: string; last4: string; outcome: "succeed" | "decline" | "authenticate"; decline_code?: string }> = {
  pm_card_visa: { brand: "visa", last4: "4242", outcome: "succeed" },
  pm_card_mastercard: { brand: "mastercard", last4: "4444", outcome: "succeed" },
  pm_card_amex: { brand: "amex", last4: "8431", outcome: "succeed" },
  pm_card_chargeDeclined: { brand: "visa", last4: "0002", outcome: "decline", decline_code: "generic_decline" },
  pm_card_visa_chargeDeclined: { brand: "visa", last4: "0002", outcome: "decline", decline_code: "generic_decline" },
  pm_card_chargeDeclinedInsufficientFunds: { brand: "visa", last4: "9995", outcome: "decline", decline_code: "insufficient_funds" },
  pm_card_threeDSecure2Required: { brand: "visa", last4: "3220", outcome: "authenticate" },
  pm_card_authenticationRequired: { brand: "visa", last4: "3184", outcome: "authenticate" },
}

/** Test card numbers, for `payment_method_data[card][number]`. */
const TEST_NUMBERS: Record<string, keyof typeof TEST_METHODS> = {
  "4242424242424242": "pm_card_visa",
  "5555555555554444": "pm_card_mastercard",
  "4000000000000002": "pm_card_chargeDeclined",
  "4000000000009995": "pm_card_chargeDeclinedInsufficientFunds",
  "4000000000003220": "pm_card_threeDSecure2Required",
  "4000002760003184": "pm_card_authenticationRequired",
}

class StripeError extends Error {
  constructor(
    readonly status: number,
    readonly body: Json
  ) {
    super(String(body.message))
  }
}

function err(status: number, type: string, message: string, extra: Json = {}): StripeError {
  return new StripeError(status, { type, message, ...extra })
}

function missing(kind: string, id: string, param = "id"): StripeError {
  return err(404, "invalid_request_error", `No such ${kind}: '${id}'`, { code: "resource_missing", param })
}

function str(v: FormValue | undefined): string | undefined {
  return typeof v === "string" ? v : undefined
}

function int(v: FormValue | undefined, param: string): number | undefined {
  if (v === undefined) {
    return undefined
  }
  if (typeof v !== "string" || !/^\d+$/.test(v)) {
    throw err(400, "invalid_request_error", `Invalid integer: ${typeof v === "string" ? v : "object"}`, { param })
  }
  return Number(v)
}

function metadata(v: FormValue | undefined): Record<string, string> {
  if (!v || typeof v !== "object" || Array.isArray(v)) {
    return {}
  }
  const out: Record<string, string> = {}
  for (const [k, val] of Object.entries(v)) {
    if (typeof val === "string" && val !== "") {
      out[k] = val
    }
  }
  return out
}

export class StripeFake {
  readonly intents = new Map<string, PaymentIntent>()
  readonly refunds = new Map<string, Refund>()
  readonly customers = new Map<string, Json>()
  readonly events: StripeEvent[] = []
  readonly deliveries: Delivery[] = []
  private readonly requestLog: RequestRecord[] = []
  private readonly idempotency = new Map<string, { fingerprint: string; status: number; body: Json }>()
  private readonly injected: InjectedError[] = []
  private readonly endpoints: WebhookEndpoint[]
  private readonly inflight = new Set<Promise<unknown>>()
  private delivery: "auto" | "manual"
  private readonly now: () => number
  private readonly secretKeys?: string[]
  private server?: http.Server
  url = ""

  constructor(options: StripeFakeOptions = {}) {
    this.endpoints = [...(options.webhooks ?? [])]
    this.delivery = options.delivery ?? "auto"
    this.now = options.now ?? Date.now
    this.secretKeys = options.secretKeys
  }

  // ---------- lifecycle ----------

  async listen(port = 0, host = "127.0.0.1"): Promise<void> {
    this.server = http.createServer((req, res) => {
      this.handle(req, res).catch((e) => {
        if (!res.headersSent) {
          res.writeHead(500, { "content-type": "application/json" })
        }
        res.end(JSON.stringify({ error: { type: "api_error", message: String(e?.message ?? e) } }))
      })
    })
    await new Promise<void>((resolve) => this.server!.listen(port, host, resolve))
    const { port: actual } = this.server.address() as AddressInfo
    this.url = `http://${host}:${actual}`
  }

  get port(): number {
    return Number(new URL(this.url).port)
  }

  async stop(): Promise<void> {
    await Promise.allSettled([...this.inflight])
    const server = this.server
    this.server = undefined
    if (!server) {
      return
    }
    server.closeAllConnections()
    await new Promise<void>((resolve) => server.close(() => resolve()))
  }

  // ---------- control API ----------

  /** Forgets every object, event, request and idempotency key; keeps endpoints and delivery mode. */
  reset(): void {
    this.intents.clear()
    this.refunds.clear()
    this.customers.clear()
    this.events.length = 0
    this.deliveries.length = 0
    this.requestLog.length = 0
    this.idempotency.clear()
    this.injected.length = 0
  }

  addWebhookEndpoint(url: string, secret: string): void {
    this.endpoints.push({ url, secret })
  }

  setDelivery(mode: "auto" | "manual"): void {
    this.delivery = mode
  }

  /** The next `times` requests matching `match` fail with this Stripe error. */
  injectError(error: Omit<InjectedError, "times"> & { times?: number }): void {
    this.injected.push({ times: 1, ...error })
  }

  requests(filter: { method?: string; path?: RegExp; executedOnly?: boolean } = {}): RequestRecord[] {
    return this.requestLog.filter(
      (r) =>
        (!filter.method || r.method === filter.method) &&
        (!filter.path || filter.path.test(r.path)) &&
        (!filter.executedOnly || !r.replayed)
    )
  }

  listEvents(filter: { type?: string; paymentIntent?: string } = {}): StripeEvent[] {
    return this.events.filter(
      (e) =>
        (!filter.type || e.type === filter.type) &&
        (!filter.paymentIntent || e.data.object.id === filter.paymentIntent || e.data.object.payment_intent === filter.paymentIntent)
    )
  }

  paymentIntent(id: string): PaymentIntent | undefined {
    const pi = this.intents.get(id)
    return pi && structuredClone(pi)
  }

  /** The intent whose metadata.session_id is the Medusa payment session id. */
  paymentIntentForSession(sessionId: string): PaymentIntent | undefined {
    const pi = [...this.intents.values()].find((p) => p.metadata.session_id === sessionId)
    return pi && structuredClone(pi)
  }

  /** The shopper finishes (or fails) the 3-D Secure challenge of an intent in requires_action. */
  completeAction(id: string, outcome: "succeed" | "fail"): PaymentIntent {
    const pi = this.intents.get(id)
    if (!pi) {
      throw new Error(`no PaymentIntent ${id}`)
    }
    if (pi.status !== "requires_action") {
      throw new Error(`PaymentIntent ${id} is ${pi.status}, not requires_action`)
    }
    pi.next_action = null
    if (outcome === "succeed") {
      this.authorizeOrCharge(pi, null)
    } else {
      this.fail(pi, "payment_intent_authentication_failure", undefined, null)
    }
    return structuredClone(pi)
  }

  /**
   * Delivers an event to every endpoint (or `url`), `times` copies, all at
   * once when `concurrent`. Resolves with the HTTP status of each delivery.
   */
  async deliver(
    eventId: string,
    options: { times?: number; concurrent?: boolean; url?: string; secret?: string; timestamp?: number } = {}
  ): Promise<(number | "error")[]> {
    const event = this.events.find((e) => e.id === eventId)
    if (!event) {
      throw new Error(`no event ${eventId}`)
    }
    const targets = options.url
      ? [{ url: options.url, secret: options.secret ?? this.endpoints[0]?.secret ?? "" }]
      : this.endpoints.map((e) => ({ ...e, secret: options.secret ?? e.secret }))
    const times = options.times ?? 1
    const statuses: (number | "error")[] = []
    for (const target of targets) {
      const sends = Array.from({ length: times }, () => () => this.post(event, target, options.timestamp))
      if (options.concurrent) {
        statuses.push(...(await Promise.all(sends.map((s) => s()))))
      } else {
        for (const s of sends) {
          statuses.push(await s())
        }
      }
    }
    return statuses
  }

  /** Signs a payload as Stripe would, with this fake's clock unless a timestamp is given. */
  sign(payload: string, secret: string, timestamp?: number): string {
    return signStripePayload(payload, secret, timestamp ?? Math.floor(this.now() / 1000))
  }

  /** Waits for every automatic delivery started so far. */
  async settled(): Promise<void> {
    while (this.inflight.size) {
      await Promise.allSettled([...this.inflight])
    }
  }

  // ---------- HTTP ----------

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = []
    for await (const chunk of req) {
      chunks.push(chunk as Buffer)
    }
    const body = Buffer.concat(chunks).toString("utf8")
    const url = new URL(req.url ?? "/", "http://fake")
    const method = (req.method ?? "GET").toUpperCase()
    const path = url.pathname

    if (path.startsWith(CONTROL_PREFIX)) {
      const reply = this.control(method, path.slice(CONTROL_PREFIX.length), body)
      const payload = reply instanceof Promise ? await reply : reply
      this.send(res, 200, payload)
      return
    }

    const requestId = `req_${this.rand(14)}`
    const idempotencyKey = (req.headers["idempotency-key"] as string | undefined) ?? null
    const params = method === "GET" || method === "DELETE" ? parseForm(url.search.slice(1)) : parseForm(body)
    const record = (status: number, replayed: boolean) =>
      this.requestLog.push({ method, path, idempotencyKey, status, replayed })

    const headers: Record<string, string> = { "request-id": requestId, "stripe-version": API_VERSION }
    try {
      this.authenticate(req.headers.authorization, path, params)

      // Stripe honours idempotency keys on POST: the first reply (success or
      // error) is stored and replayed; a reuse with other parameters or on
      // another endpoint is refused.
      let idemSlot: string | undefined
      const fingerprint = `${method} ${path} ${canonical(params)}`
      if (idempotencyKey && method === "POST") {
        idemSlot = idempotencyKey
        const stored = this.idempotency.get(idempotencyKey)
        if (stored) {
          if (stored.fingerprint !== fingerprint) {
            const sameEndpoint = stored.fingerprint.split(" ").slice(0, 2).join(" ") === `${method} ${path}`
            throw err(
              400,
              "idempotency_error",
              sameEndpoint
                ? `Keys for idempotent requests can only be used with the same parameters they were first used with. Try using a key other than '${idempotencyKey}' if you meant to execute a different request.`
                : `Keys for idempotent requests can only be used for the same endpoint they were first used for ('${stored.fingerprint.split(" ").slice(0, 2).join(" ")}'). Try using a key other than '${idempotencyKey}' if you meant to execute a different request.`
            )
          }
          record(stored.status, true)
          this.send(res, stored.status, stored.body, { ...headers, "idempotent-replayed": "true", "idempotency-key": idempotencyKey })
          return
        }
      }

      const ctx = { requestId, idempotencyKey }
      let status = 200
      let reply: Json
      try {
        this.maybeInject(method, path)
        reply = this.route(method, path, params, ctx)
      } catch (e) {
        if (!(e instanceof StripeError)) {
          throw e
        }
        status = e.status
        reply = { error: this.errorBody(e, requestId) }
      }
      // Stripe stores the first reply, errors included, except server errors
      // (5xx), which may be retried with the same key.
      if (idemSlot && status < 500) {
        this.idempotency.set(idemSlot, { fingerprint, status, body: reply })
      }
      record(status, false)
      this.send(res, status, reply, idempotencyKey ? { ...headers, "idempotency-key": idempotencyKey } : headers)
    } catch (e) {
      if (!(e instanceof StripeError)) {
        throw e
      }
      record(e.status, false)
      this.send(res, e.status, { error: this.errorBody(e, requestId) }, headers)
    }
  }

  private errorBody(e: StripeError, requestId: string): Json {
    const code = e.body.code as string | undefined
    return {
      ...e.body,
      ...(code ? { doc_url: `https://stripe.com/docs/error-codes/${code.replace(/_/g, "-")}` } : {}),
      request_log_url: `https://dashboard.stripe.com/test/logs/${requestId}`,
    }
  }

  private send(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
    const text = JSON.stringify(body, null, 2)
    res.writeHead(status, {
      "content-type": "application/json",
      "content-length": Buffer.byteLength(text),
      ...headers,
    })
    res.end(text)
  }

  private authenticate(header: string | undefined, path: string, params: FormObject): void {
    let key: string | undefined
    if (header?.startsWith("Bearer ")) {
      key = header.slice(7).trim()
    } else if (header?.startsWith("Basic ")) {
      key = Buffer.from(header.slice(6), "base64").toString("utf8").split(":")[0]
    }
    if (!key) {
      throw err(
        401,
        "invalid_request_error",
        "You did not provide an API key. You need to provide your API key in the Authorization header, using Bearer auth (e.g. 'Authorization: Bearer YOUR_SECRET_KEY')."
      )
    }
    if (key.startsWith("pk_")) {
      // Publishable keys (Stripe.js in the browser) may only confirm or
      // retrieve an intent, and only with its client secret.
      const m = /^\/v1\/payment_intents\/([^/]+)(\/confirm)?$/.exec(path)
      const pi = m && this.intents.get(m[1])
      if (pi && str(params.client_secret) === pi.client_secret) {
        return
      }
      throw err(
        401,
        "invalid_request_error",
        "This API call cannot be made with a publishable API key. Please use a secret API key."
      )
    }
    const valid = this.secretKeys ? this.secretKeys.includes(key) : /^(sk|rk)_test_/.test(key)
    if (!valid) {
      throw err(401, "invalid_request_error", `Invalid API Key provided: ${key.slice(0, 8)}${"*".repeat(Math.max(0, key.length - 12))}${key.slice(-4)}`)
    }
  }

  private maybeInject(method: string, path: string): void {
    const i = this.injected.findIndex((e) => e.match.test(`${method} ${path}`))
    if (i === -1) {
      return
    }
    const e = this.injected[i]
    e.times -= 1
    if (e.times <= 0) {
      this.injected.splice(i, 1)
    }
    throw err(e.status, e.type, e.message ?? "An injected error occurred.", e.code ? { code: e.code } : {})
  }

  // ---------- routing ----------

  private route(method: string, path: string, p: FormObject, ctx: { requestId: string; idempotencyKey: string | null }): Json {
    const seg = path.split("/").filter(Boolean)
    if (seg[0] !== "v1") {
      throw err(404, "invalid_request_error", `Unrecognized request URL (${method}: ${path}). Please see https://stripe.com/docs or we can help at https://support.stripe.com/.`)
    }
    const [, resource, id, action] = seg
    const expand = Array.isArray(p.expand) ? (p.expand as string[]) : []
    this.currentRequest = ctx
    try {
      if (resource === "payment_intents") {
        if (!id) {
          if (method === "POST") {
            return this.view(this.createIntent(p), expand)
          }
          if (method === "GET") {
            return this.list([...this.intents.values()].map((pi) => this.view(pi, expand)), path)
          }
        }
        if (id && !action && method === "GET") {
          return this.view(this.intent(id), expand)
        }
        if (id && !action && method === "POST") {
          return this.view(this.updateIntent(this.intent(id), p), expand)
        }
        if (id && method === "POST" && action === "confirm") {
          return this.view(this.confirm(this.intent(id), p), expand)
        }
        if (id && method === "POST" && action === "capture") {
          return this.view(this.capture(this.intent(id), p), expand)
        }
        if (id && method === "POST" && action === "cancel") {
          return this.view(this.cancel(this.intent(id), p), expand)
        }
      }
      if (resource === "refunds") {
        if (!id && method === "POST") {
          return this.createRefund(p)
        }
        if (id && method === "GET") {
          const r = this.refunds.get(id)
          if (!r) {
            throw missing("refund", id)
          }
          return r
        }
        if (!id && method === "GET") {
          const pi = str(p.payment_intent)
          return this.list([...this.refunds.values()].filter((r) => !pi || r.payment_intent === pi), path)
        }
      }
      if (resource === "customers") {
        return this.customersRoute(method, id, action, p)
      }
      if (resource === "payment_methods" && id && method === "GET") {
        const pm = this.paymentMethod(id)
        if (!pm) {
          throw missing("PaymentMethod", id)
        }
        return pm
      }
      throw err(404, "invalid_request_error", `Unrecognized request URL (${method}: ${path}). Please see https://stripe.com/docs or we can help at https://support.stripe.com/.`)
    } finally {
      this.currentRequest = undefined
    }
  }

  private currentRequest?: { requestId: string; idempotencyKey: string | null }

  private list(data: unknown[], url: string): Json {
    return { object: "list", data, has_more: false, url }
  }

  private view(pi: PaymentIntent, expand: string[]): Json {
    const out: Json = structuredClone(pi)
    if (expand.includes("payment_method") && pi.payment_method) {
      out.payment_method = this.paymentMethod(pi.payment_method)
    }
    return out
  }

  private intent(id: string): PaymentIntent {
    const pi = this.intents.get(id)
    if (!pi) {
      throw missing("payment_intent", id, "intent")
    }
    return pi
  }

  private paymentMethod(id: string): Json | undefined {
    const base = id.startsWith("pm_card_data_") ? TEST_NUMBERS[id.slice("pm_card_data_".length)] : id
    const m = base && TEST_METHODS[base]
    if (!m) {
      return undefined
    }
    return {
      id,
      object: "payment_method",
      type: "card",
      card: { brand: m.brand, last4: m.last4, exp_month: 12, exp_year: 2034, country: "US", funding: "credit" },
      billing_details: { address: null, email: null, name: null, phone: null },
      created: this.secs(),
      customer: null,
      livemode: false,
      metadata: {},
    }
  }

  // ---------- PaymentIntents ----------

  private createIntent(p: FormObject): PaymentIntent {
    const amount = int(p.amount, "amount")
    if (amount === undefined) {
      throw err(400, "invalid_request_error", "Missing required param: amount.", { code: "parameter_missing", param: "amount" })
    }
    const currency = str(p.currency)
    if (!currency) {
      throw err(400, "invalid_request_error", "Missing required param: currency.", { code: "parameter_missing", param: "currency" })
    }
    if (amount < 50 && !["jpy", "krw"].includes(currency.toLowerCase())) {
      throw err(400, "invalid_request_error", "Amount must be at least $0.50 usd", { code: "amount_too_small", param: "amount" })
    }
    const customer = str(p.customer) ?? null
    if (customer && !this.customers.has(customer)) {
      throw missing("customer", customer, "customer")
    }
    const captureMethod = str(p.capture_method) ?? "automatic"
    if (captureMethod !== "automatic" && captureMethod !== "manual" && captureMethod !== "automatic_async") {
      throw err(400, "invalid_request_error", `Invalid capture_method: must be one of automatic, automatic_async, or manual`, { param: "capture_method" })
    }
    const apm = p.automatic_payment_methods as FormObject | undefined
    const types = Array.isArray(p.payment_method_types) ? (p.payment_method_types as string[]) : ["card"]
    const id = `pi_${this.rand(24)}`
    const pi: PaymentIntent = {
      id,
      object: "payment_intent",
      amount,
      amount_capturable: 0,
      amount_received: 0,
      automatic_payment_methods: apm ? { enabled: str(apm.enabled) === "true" } : null,
      canceled_at: null,
      cancellation_reason: null,
      capture_method: captureMethod === "manual" ? "manual" : "automatic",
      client_secret: `${id}_secret_${this.rand(24)}`,
      confirmation_method: "automatic",
      created: this.secs(),
      currency: currency.toLowerCase(),
      customer,
      description: str(p.description) ?? null,
      last_payment_error: null,
      latest_charge: null,
      livemode: false,
      metadata: metadata(p.metadata),
      next_action: null,
      payment_method: null,
      payment_method_configuration_details: null,
      payment_method_types: types,
      setup_future_usage: str(p.setup_future_usage) ?? null,
      status: "requires_payment_method",
    }
    const pm = this.resolvePaymentMethod(p)
    if (pm) {
      pi.payment_method = pm
      pi.status = "requires_confirmation"
    }
    this.intents.set(id, pi)
    this.emit("payment_intent.created", pi)
    if (str(p.confirm) === "true") {
      this.confirm(pi, {})
    }
    return pi
  }

  private resolvePaymentMethod(p: FormObject): string | undefined {
    const direct = str(p.payment_method)
    if (direct) {
      if (!this.paymentMethod(direct)) {
        throw missing("PaymentMethod", direct, "payment_method")
      }
      return direct
    }
    const data = p.payment_method_data as FormObject | undefined
    const card = data && (data.card as FormObject | undefined)
    const number = card && str(card.number)
    if (number) {
      const clean = number.replace(/\s/g, "")
      if (!TEST_NUMBERS[clean]) {
        throw err(402, "card_error", "Your card number is incorrect.", { code: "incorrect_number", param: "number" })
      }
      return `pm_card_data_${clean}`
    }
    return undefined
  }

  private updateIntent(pi: PaymentIntent, p: FormObject): PaymentIntent {
    if (!["requires_payment_method", "requires_confirmation", "requires_action"].includes(pi.status)) {
      throw this.unexpectedState(pi, "update")
    }
    const amount = int(p.amount, "amount")
    if (amount !== undefined) {
      pi.amount = amount
    }
    if (str(p.currency)) {
      pi.currency = str(p.currency)!.toLowerCase()
    }
    if (str(p.description) !== undefined) {
      pi.description = str(p.description) || null
    }
    if (p.metadata !== undefined) {
      pi.metadata = { ...pi.metadata, ...metadata(p.metadata) }
      for (const [k, v] of Object.entries(p.metadata as FormObject)) {
        if (v === "") {
          delete pi.metadata[k]
        }
      }
    }
    const pm = this.resolvePaymentMethod(p)
    if (pm) {
      pi.payment_method = pm
      pi.status = "requires_confirmation"
      pi.last_payment_error = null
    }
    return pi
  }

  private confirm(pi: PaymentIntent, p: FormObject): PaymentIntent {
    if (!["requires_payment_method", "requires_confirmation", "requires_action"].includes(pi.status)) {
      throw this.unexpectedState(pi, "confirm")
    }
    const pm = this.resolvePaymentMethod(p) ?? pi.payment_method
    if (!pm) {
      throw err(
        400,
        "invalid_request_error",
        "You cannot confirm this PaymentIntent because it's missing a payment method. You can either update the PaymentIntent with a payment method and then confirm it again, or confirm it again directly with a payment method.",
        { code: "payment_intent_unexpected_state", param: "payment_method", payment_intent: this.view(pi, []) }
      )
    }
    pi.payment_method = pm
    pi.last_payment_error = null
    const base = pm.startsWith("pm_card_data_") ? TEST_NUMBERS[pm.slice("pm_card_data_".length)] : pm
    const method = TEST_METHODS[base]
    if (method.outcome === "decline") {
      this.fail(pi, "card_declined", method.decline_code, pm)
      throw err(402, "card_error", pi.last_payment_error!.message as string, {
        code: "card_declined",
        decline_code: method.decline_code,
        payment_intent: this.view(pi, []),
        payment_method: this.paymentMethod(pm),
      })
    }
    if (method.outcome === "authenticate") {
      pi.status = "requires_action"
      pi.next_action = {
        type: "use_stripe_sdk",
        use_stripe_sdk: { type: "three_d_secure_redirect", stripe_js: `${this.url}/3ds/${pi.id}`, source: `src_${this.rand(24)}` },
      }
      this.emit("payment_intent.requires_action", pi)
      return pi
    }
    this.authorizeOrCharge(pi, pm)
    return pi
  }

  private authorizeOrCharge(pi: PaymentIntent, _pm: string | null): void {
    const charge = `ch_${this.rand(24)}`
    pi.latest_charge = charge
    pi.next_action = null
    if (pi.capture_method === "manual") {
      pi.status = "requires_capture"
      pi.amount_capturable = pi.amount
      this.emit("charge.succeeded", this.chargeObject(pi, false))
      this.emit("payment_intent.amount_capturable_updated", pi)
    } else {
      pi.status = "succeeded"
      pi.amount_received = pi.amount
      this.emit("charge.succeeded", this.chargeObject(pi, true))
      this.emit("payment_intent.succeeded", pi)
    }
  }

  private fail(pi: PaymentIntent, code: string, declineCode: string | undefined, pm: string | null): void {
    const messages: Record<string, string> = {
      card_declined: declineCode === "insufficient_funds" ? "Your card has insufficient funds." : "Your card was declined.",
      payment_intent_authentication_failure:
        "We are unable to authenticate your payment method. Please choose a different payment method and try again.",
    }
    pi.status = "requires_payment_method"
    pi.next_action = null
    pi.last_payment_error = {
      type: code === "card_declined" ? "card_error" : "invalid_request_error",
      code,
      ...(declineCode ? { decline_code: declineCode } : {}),
      message: messages[code],
      payment_method: pm ? this.paymentMethod(pm) : null,
    }
    this.emit("payment_intent.payment_failed", pi)
  }

  private capture(pi: PaymentIntent, p: FormObject): PaymentIntent {
    if (pi.status !== "requires_capture") {
      throw this.unexpectedState(pi, "capture")
    }
    const amount = int(p.amount_to_capture, "amount_to_capture") ?? pi.amount_capturable
    if (amount > pi.amount_capturable) {
      throw err(400, "invalid_request_error", "The amount to capture must be less than or equal to the amount capturable.", {
        code: "amount_too_large",
        param: "amount_to_capture",
      })
    }
    pi.amount_received = amount
    pi.amount_capturable = 0
    pi.status = "succeeded"
    this.emit("charge.captured", this.chargeObject(pi, true))
    this.emit("payment_intent.succeeded", pi)
    return pi
  }

  private cancel(pi: PaymentIntent, p: FormObject): PaymentIntent {
    if (!["requires_payment_method", "requires_capture", "requires_confirmation", "requires_action", "processing"].includes(pi.status)) {
      throw this.unexpectedState(pi, "cancel")
    }
    pi.status = "canceled"
    pi.canceled_at = this.secs()
    pi.cancellation_reason = str(p.cancellation_reason) ?? null
    pi.amount_capturable = 0
    pi.next_action = null
    this.emit("payment_intent.canceled", pi)
    return pi
  }

  private unexpectedState(pi: PaymentIntent, action: string): StripeError {
    const messages: Record<string, string> = {
      capture: `This PaymentIntent could not be captured because it has a status of ${pi.status}. Only a PaymentIntent with one of the following statuses may be captured: requires_capture.`,
      cancel: `You cannot cancel this PaymentIntent because it has a status of ${pi.status}. Only a PaymentIntent with one of the following statuses may be canceled: requires_payment_method, requires_capture, requires_confirmation, requires_action, processing.`,
      confirm: `You cannot confirm this PaymentIntent because it has a status of ${pi.status}.`,
      update: `You cannot update this PaymentIntent because it has a status of ${pi.status}.`,
    }
    return err(400, "invalid_request_error", messages[action], {
      code: "payment_intent_unexpected_state",
      payment_intent: this.view(pi, []),
    })
  }

  private chargeObject(pi: PaymentIntent, captured: boolean): Json {
    return {
      id: pi.latest_charge,
      object: "charge",
      amount: pi.amount,
      amount_captured: captured ? pi.amount_received : 0,
      amount_refunded: this.refunded(pi.id),
      captured,
      currency: pi.currency,
      metadata: pi.metadata,
      paid: true,
      payment_intent: pi.id,
      payment_method: pi.payment_method,
      refunded: captured && this.refunded(pi.id) >= pi.amount_received,
      status: "succeeded",
      created: this.secs(),
      livemode: false,
    }
  }

  // ---------- refunds ----------

  private refunded(piId: string): number {
    return [...this.refunds.values()].filter((r) => r.payment_intent === piId).reduce((s, r) => s + r.amount, 0)
  }

  private createRefund(p: FormObject): Json {
    const piId = str(p.payment_intent)
    const chargeId = str(p.charge)
    const pi = piId
      ? this.intent(piId)
      : [...this.intents.values()].find((x) => chargeId && x.latest_charge === chargeId)
    if (!pi) {
      if (chargeId) {
        throw missing("charge", chargeId, "charge")
      }
      throw err(400, "invalid_request_error", "One of the following params should be provided for this request: payment_intent or charge.", {
        code: "parameter_missing",
      })
    }
    if (pi.status !== "succeeded") {
      throw err(400, "invalid_request_error", `This PaymentIntent (${pi.id}) does not have a successful charge to refund.`, {
        code: "charge_not_refundable",
      })
    }
    const left = pi.amount_received - this.refunded(pi.id)
    if (left <= 0) {
      throw err(400, "invalid_request_error", `Charge ${pi.latest_charge} has already been refunded.`, { code: "charge_already_refunded" })
    }
    const amount = int(p.amount, "amount") ?? left
    if (amount > left) {
      throw err(
        400,
        "invalid_request_error",
        `Refund amount ($${(amount / 100).toFixed(2)}) is greater than unrefunded amount on charge ($${(left / 100).toFixed(2)})`,
        { code: "amount_too_large", param: "amount" }
      )
    }
    const refund: Refund = {
      id: `re_${this.rand(24)}`,
      object: "refund",
      amount,
      charge: pi.latest_charge,
      created: this.secs(),
      currency: pi.currency,
      metadata: metadata(p.metadata),
      payment_intent: pi.id,
      reason: str(p.reason) ?? null,
      status: "succeeded",
    }
    this.refunds.set(refund.id, refund)
    this.emit("charge.refunded", this.chargeObject(pi, true))
    this.emit("refund.created", refund as unknown as Json)
    return refund as unknown as Json
  }

  // ---------- customers ----------

  private customersRoute(method: string, id: string | undefined, action: string | undefined, p: FormObject): Json {
    if (!id && method === "POST") {
      const c: Json = {
        id: `cus_${this.rand(14)}`,
        object: "customer",
        address: null,
        created: this.secs(),
        description: str(p.description) ?? null,
        email: str(p.email) ?? null,
        livemode: false,
        metadata: metadata(p.metadata),
        name: str(p.name) ?? null,
        phone: str(p.phone) ?? null,
        shipping: null,
      }
      if (p.address && typeof p.address === "object") {
        c.address = p.address
      }
      this.customers.set(c.id as string, c)
      this.emit("customer.created", c)
      return c
    }
    if (!id) {
      throw err(404, "invalid_request_error", "Unrecognized request URL.")
    }
    const c = this.customers.get(id)
    if (!c) {
      throw missing("customer", id)
    }
    if (action === "payment_methods" && method === "GET") {
      return this.list([], `/v1/customers/${id}/payment_methods`)
    }
    if (!action && method === "GET") {
      return c
    }
    if (!action && method === "POST") {
      for (const k of ["email", "name", "phone", "description"]) {
        if (str(p[k]) !== undefined) {
          c[k] = str(p[k]) || null
        }
      }
      if (p.address && typeof p.address === "object") {
        c.address = p.address
      }
      if (p.metadata) {
        c.metadata = { ...(c.metadata as Json), ...metadata(p.metadata) }
      }
      return c
    }
    if (!action && method === "DELETE") {
      this.customers.delete(id)
      return { id, object: "customer", deleted: true }
    }
    throw err(404, "invalid_request_error", "Unrecognized request URL.")
  }

  // ---------- events & webhooks ----------

  private emit(type: string, object: Json | PaymentIntent): void {
    const event: StripeEvent = {
      id: `evt_${this.rand(24)}`,
      object: "event",
      api_version: API_VERSION,
      created: this.secs(),
      data: { object: structuredClone(object) as Json },
      livemode: false,
      pending_webhooks: this.endpoints.length,
      request: { id: this.currentRequest?.requestId ?? null, idempotency_key: this.currentRequest?.idempotencyKey ?? null },
      type,
    }
    this.events.push(event)
    if (this.delivery === "auto" && this.endpoints.length) {
      // After the reply, as Stripe does: the API call never waits for webhooks.
      const p = new Promise<void>((resolve) => setImmediate(resolve))
        .then(() => this.deliver(event.id))
        .catch(() => undefined)
      this.inflight.add(p)
      void p.finally(() => this.inflight.delete(p))
    }
  }

  private async post(event: StripeEvent, target: WebhookEndpoint, timestamp?: number): Promise<number | "error"> {
    const payload = JSON.stringify(event, null, 2)
    try {
      const res = await fetch(target.url, {
        method: "POST",
        headers: {
          "content-type": "application/json; charset=utf-8",
          "user-agent": "Stripe/1.0 (+https://stripe.com/docs/webhooks)",
          "stripe-signature": this.sign(payload, target.secret, timestamp),
        },
        body: payload,
      })
      const body = await res.text()
      this.deliveries.push({ eventId: event.id, url: target.url, status: res.status, body })
      return res.status
    } catch (e) {
      this.deliveries.push({ eventId: event.id, url: target.url, status: "error", body: String(e) })
      return "error"
    }
  }

  // ---------- HTTP control API (for dev mode and other processes) ----------

  private control(method: string, path: string, body: string): unknown {
    const input = body ? (JSON.parse(body) as Json) : {}
    if (method === "POST" && path === "/reset") {
      this.reset()
      return { ok: true }
    }
    if (method === "GET" && path === "/events") {
      return { events: this.listEvents() }
    }
    if (method === "GET" && path === "/requests") {
      return { requests: this.requests() }
    }
    if (method === "GET" && path === "/payment_intents") {
      return { payment_intents: [...this.intents.values()] }
    }
    const action = /^\/payment_intents\/([^/]+)\/action$/.exec(path)
    if (method === "POST" && action) {
      return this.completeAction(action[1], input.outcome === "fail" ? "fail" : "succeed")
    }
    const deliver = /^\/events\/([^/]+)\/deliver$/.exec(path)
    if (method === "POST" && deliver) {
      return this.deliver(deliver[1], { times: Number(input.times ?? 1), concurrent: !!input.concurrent }).then((statuses) => ({ statuses }))
    }
    if (method === "POST" && path === "/webhook_endpoints") {
      this.addWebhookEndpoint(String(input.url), String(input.secret))
      return { ok: true }
    }
    return { error: `unknown control route ${method} ${path}` }
  }

  // ---------- helpers ----------

  private secs(): number {
    return Math.floor(this.now() / 1000)
  }

  private rand(n: number): string {
    const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"
    const bytes = crypto.randomBytes(n)
    return Array.from(bytes, (b) => alphabet[b % alphabet.length]).join("")
  }
}

export async function startStripeFake(options: StripeFakeOptions = {}): Promise<StripeFake> {
  const fake = new StripeFake(options)
  await fake.listen(options.port ?? 0, options.host ?? "127.0.0.1")
  return fake
}
