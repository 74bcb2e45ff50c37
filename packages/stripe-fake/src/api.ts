/**
 * Stripe's API over the shared fake server core: authentication, idempotency
 * keys, injected errors, and dispatch to one module per resource.
 */
import type { FakeReply, FakeRequest } from "@soko/provider-fakes"
import { err, missing, str, StripeError, unrecognized } from "./errors"
import { canonical, FormObject, parseForm } from "./form"
import { customers } from "./resources/customers"
import { paymentIntents } from "./resources/payment-intents"
import { paymentMethod } from "./resources/payment-methods"
import { refunds } from "./resources/refunds"
import { rand, type ResourceRequest, type StripeStore } from "./store"
import type { InjectedError, Json, RequestContext, RequestRecord } from "./types"
import { API_VERSION } from "./webhooks"

const RESOURCES = new Map<string, (req: ResourceRequest) => Json | undefined>([
  ["payment_intents", paymentIntents],
  ["refunds", refunds],
  ["customers", customers],
  [
    "payment_methods",
    ({ store, method, id }) => {
      if (!id || method !== "GET") {
        return undefined
      }
      const pm = paymentMethod(id, store.secs())
      if (!pm) {
        throw missing("PaymentMethod", id)
      }
      return pm
    },
  ],
])

type StoredReply = { fingerprint: string; status: number; body: Json }

const json = (status: number, body: unknown, headers: Record<string, string> = {}): FakeReply => ({
  status,
  body: JSON.stringify(body, null, 2),
  contentType: "application/json",
  headers,
})

function errorBody(e: StripeError, requestId: string): Json {
  const code = e.body.code as string | undefined
  return {
    ...e.body,
    ...(code ? { doc_url: `https://stripe.com/docs/error-codes/${code.replace(/_/g, "-")}` } : {}),
    request_log_url: `https://dashboard.stripe.com/test/logs/${requestId}`,
  }
}

export class StripeApi {
  readonly log: RequestRecord[] = []
  private readonly idempotency = new Map<string, StoredReply>()
  private readonly injected: InjectedError[] = []

  constructor(
    private readonly store: StripeStore,
    private readonly secretKeys?: string[]
  ) {}

  inject(error: InjectedError): void {
    this.injected.push(error)
  }

  clear(): void {
    this.log.length = 0
    this.idempotency.clear()
    this.injected.length = 0
  }

  /** The error Stripe sends when it fails for its own reasons (faults injected through the core). */
  faultReply(status: number): FakeReply {
    const type = status === 429 ? "rate_limit_error" : "api_error"
    return json(status, { error: { type, message: "An error occurred with our connection to Stripe." } })
  }

  handle(req: FakeRequest): FakeReply {
    const { path } = req
    const method = req.method.toUpperCase()
    const requestId = `req_${rand(14)}`
    const idempotencyKey = (req.headers["idempotency-key"] as string | undefined) ?? null
    const params = method === "GET" || method === "DELETE" ? parseForm(req.query) : parseForm(req.body)
    const headers: Record<string, string> = { "request-id": requestId, "stripe-version": API_VERSION }
    const reply = (status: number, body: Json, replayed = false, extra: Record<string, string> = {}) => {
      this.log.push({ method, path, idempotencyKey, status, replayed })
      return json(status, body, { ...headers, ...extra })
    }
    const keyHeader: Record<string, string> = idempotencyKey ? { "idempotency-key": idempotencyKey } : {}
    try {
      this.authenticate(req.headers.authorization, path, params)
      const fingerprint = `${method} ${path} ${canonical(params)}`
      const slot = idempotencyKey && method === "POST" ? idempotencyKey : undefined
      const stored = slot ? this.replay(slot, fingerprint, method, path) : undefined
      if (stored) {
        return reply(stored.status, stored.body, true, { "idempotent-replayed": "true", ...keyHeader })
      }
      const { status, body } = this.execute(method, path, params, { requestId, idempotencyKey })
      // Stripe stores the first reply, errors included, except server errors
      // (5xx), which may be retried with the same key.
      if (slot && status < 500) {
        this.idempotency.set(slot, { fingerprint, status, body })
      }
      return reply(status, body, false, keyHeader)
    } catch (e) {
      if (!(e instanceof StripeError)) {
        throw e
      }
      return reply(e.status, { error: errorBody(e, requestId) })
    }
  }

  /**
   * Stripe honours idempotency keys on POST: the first reply (success or
   * error) is replayed; a reuse with other parameters or on another endpoint is refused.
   */
  private replay(key: string, fingerprint: string, method: string, path: string): StoredReply | undefined {
    const stored = this.idempotency.get(key)
    if (!stored || stored.fingerprint === fingerprint) {
      return stored
    }
    const firstEndpoint = stored.fingerprint.split(" ").slice(0, 2).join(" ")
    throw err(
      400,
      "idempotency_error",
      firstEndpoint === `${method} ${path}`
        ? `Keys for idempotent requests can only be used with the same parameters they were first used with. Try using a key other than '${key}' if you meant to execute a different request.`
        : `Keys for idempotent requests can only be used for the same endpoint they were first used for ('${firstEndpoint}'). Try using a key other than '${key}' if you meant to execute a different request.`
    )
  }

  private execute(method: string, path: string, params: FormObject, request: RequestContext) {
    try {
      this.maybeInject(method, path)
      return { status: 200, body: this.route(method, path, params, request) }
    } catch (e) {
      if (!(e instanceof StripeError)) {
        throw e
      }
      return { status: e.status, body: { error: errorBody(e, request.requestId) } }
    }
  }

  private route(method: string, path: string, params: FormObject, request: RequestContext): Json {
    const [v1, resource, id, action] = path.split("/").filter(Boolean)
    const handler = v1 === "v1" ? RESOURCES.get(resource) : undefined
    if (!handler) {
      throw unrecognized(method, path)
    }
    const expand = Array.isArray(params.expand) ? (params.expand as string[]) : []
    this.store.currentRequest = request
    try {
      const reply = handler({ store: this.store, method, path, id, action, params, expand })
      if (!reply) {
        throw unrecognized(method, path)
      }
      return reply
    } finally {
      this.store.currentRequest = undefined
    }
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
      const pi = m && this.store.intents.get(m[1])
      if (pi && str(params.client_secret) === pi.client_secret) {
        return
      }
      throw err(401, "invalid_request_error", "This API call cannot be made with a publishable API key. Please use a secret API key.")
    }
    const valid = this.secretKeys ? this.secretKeys.includes(key) : /^(sk|rk)_test_/.test(key)
    if (!valid) {
      const masked = `${key.slice(0, 8)}${"*".repeat(Math.max(0, key.length - 12))}${key.slice(-4)}`
      throw err(401, "invalid_request_error", `Invalid API Key provided: ${masked}`)
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
}
