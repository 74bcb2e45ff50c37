import { err, int, metadata, missing, str } from "../errors"
import type { FormObject } from "../form"
import { list, rand, type ResourceRequest, type StripeStore } from "../store"
import type { Json, PaymentIntent } from "../types"
import { cancel, capture, confirm, unexpectedState, view } from "./payment-intent-flow"
import { resolvePaymentMethod } from "./payment-methods"

export function intent(store: StripeStore, id: string): PaymentIntent {
  const pi = store.intents.get(id)
  if (!pi) {
    throw missing("payment_intent", id, "intent")
  }
  return pi
}

function createIntent(store: StripeStore, p: FormObject): PaymentIntent {
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
  if (customer && !store.customers.has(customer)) {
    throw missing("customer", customer, "customer")
  }
  const captureMethod = str(p.capture_method) ?? "automatic"
  if (captureMethod !== "automatic" && captureMethod !== "manual" && captureMethod !== "automatic_async") {
    throw err(400, "invalid_request_error", `Invalid capture_method: must be one of automatic, automatic_async, or manual`, {
      param: "capture_method",
    })
  }
  const apm = p.automatic_payment_methods as FormObject | undefined
  const types = Array.isArray(p.payment_method_types) ? (p.payment_method_types as string[]) : ["card"]
  const id = `pi_${rand(24)}`
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
    client_secret: `${id}_secret_${rand(24)}`,
    confirmation_method: "automatic",
    created: store.secs(),
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
  const pm = resolvePaymentMethod(p)
  if (pm) {
    pi.payment_method = pm
    pi.status = "requires_confirmation"
  }
  store.intents.set(id, pi)
  store.emit("payment_intent.created", pi)
  if (str(p.confirm) === "true") {
    confirm(store, pi, {})
  }
  return pi
}

function updateIntent(store: StripeStore, pi: PaymentIntent, p: FormObject): PaymentIntent {
  if (!["requires_payment_method", "requires_confirmation", "requires_action"].includes(pi.status)) {
    throw unexpectedState(store, pi, "update")
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
  const pm = resolvePaymentMethod(p)
  if (pm) {
    pi.payment_method = pm
    pi.status = "requires_confirmation"
    pi.last_payment_error = null
  }
  return pi
}

const ACTIONS = new Map([
  ["confirm", confirm],
  ["capture", capture],
  ["cancel", cancel],
])

/** /v1/payment_intents[/:id[/confirm|capture|cancel]] */
export function paymentIntents({ store, method, path, id, action, params, expand }: ResourceRequest): Json | undefined {
  if (!id) {
    if (method === "POST") {
      return view(store, createIntent(store, params), expand)
    }
    if (method === "GET") {
      return list([...store.intents.values()].map((pi) => view(store, pi, expand)), path)
    }
    return undefined
  }
  if (!action && method === "GET") {
    return view(store, intent(store, id), expand)
  }
  if (!action && method === "POST") {
    return view(store, updateIntent(store, intent(store, id), params), expand)
  }
  const step = action ? ACTIONS.get(action) : undefined
  if (method === "POST" && step) {
    return view(store, step(store, intent(store, id), params), expand)
  }
  return undefined
}
