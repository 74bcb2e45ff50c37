export type Json = Record<string, unknown>

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

/** The API request being served; events it causes name it, as Stripe's do. */
export type RequestContext = { requestId: string; idempotencyKey: string | null }
