/**
 * How a PaymentIntent moves: confirm (succeed, decline or ask for 3-D
 * Secure), capture, cancel, and the events and charge each step produces.
 */
import { err, int, str } from "../errors"
import type { FormObject } from "../form"
import { rand, type StripeStore } from "../store"
import type { Json, PaymentIntent } from "../types"
import { paymentMethod, resolvePaymentMethod, testMethod } from "./payment-methods"

const CONFIRMABLE = ["requires_payment_method", "requires_confirmation", "requires_action"]
const CANCELABLE = ["requires_payment_method", "requires_capture", "requires_confirmation", "requires_action", "processing"]

export function view(store: StripeStore, pi: PaymentIntent, expand: string[]): Json {
  const out: Json = structuredClone(pi)
  if (expand.includes("payment_method") && pi.payment_method) {
    out.payment_method = paymentMethod(pi.payment_method, store.secs())
  }
  return out
}

export function unexpectedState(store: StripeStore, pi: PaymentIntent, action: string) {
  const messages: Record<string, string> = {
    capture: `This PaymentIntent could not be captured because it has a status of ${pi.status}. Only a PaymentIntent with one of the following statuses may be captured: requires_capture.`,
    cancel: `You cannot cancel this PaymentIntent because it has a status of ${pi.status}. Only a PaymentIntent with one of the following statuses may be canceled: ${CANCELABLE.join(", ")}.`,
    confirm: `You cannot confirm this PaymentIntent because it has a status of ${pi.status}.`,
    update: `You cannot update this PaymentIntent because it has a status of ${pi.status}.`,
  }
  return err(400, "invalid_request_error", messages[action], {
    code: "payment_intent_unexpected_state",
    payment_intent: view(store, pi, []),
  })
}

export function chargeObject(store: StripeStore, pi: PaymentIntent, captured: boolean): Json {
  const refunded = store.refunded(pi.id)
  return {
    id: pi.latest_charge,
    object: "charge",
    amount: pi.amount,
    amount_captured: captured ? pi.amount_received : 0,
    amount_refunded: refunded,
    captured,
    currency: pi.currency,
    metadata: pi.metadata,
    paid: true,
    payment_intent: pi.id,
    payment_method: pi.payment_method,
    refunded: captured && refunded >= pi.amount_received,
    status: "succeeded",
    created: store.secs(),
    livemode: false,
  }
}

export function authorizeOrCharge(store: StripeStore, pi: PaymentIntent): void {
  pi.latest_charge = `ch_${rand(24)}`
  pi.next_action = null
  if (pi.capture_method === "manual") {
    pi.status = "requires_capture"
    pi.amount_capturable = pi.amount
    store.emit("charge.succeeded", chargeObject(store, pi, false))
    store.emit("payment_intent.amount_capturable_updated", pi)
  } else {
    pi.status = "succeeded"
    pi.amount_received = pi.amount
    store.emit("charge.succeeded", chargeObject(store, pi, true))
    store.emit("payment_intent.succeeded", pi)
  }
}

export function fail(store: StripeStore, pi: PaymentIntent, code: string, declineCode: string | undefined, pm: string | null): void {
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
    payment_method: pm ? paymentMethod(pm, store.secs()) : null,
  }
  store.emit("payment_intent.payment_failed", pi)
}

export function confirm(store: StripeStore, pi: PaymentIntent, p: FormObject): PaymentIntent {
  if (!CONFIRMABLE.includes(pi.status)) {
    throw unexpectedState(store, pi, "confirm")
  }
  const pm = resolvePaymentMethod(p) ?? pi.payment_method
  if (!pm) {
    throw err(
      400,
      "invalid_request_error",
      "You cannot confirm this PaymentIntent because it's missing a payment method. You can either update the PaymentIntent with a payment method and then confirm it again, or confirm it again directly with a payment method.",
      { code: "payment_intent_unexpected_state", param: "payment_method", payment_intent: view(store, pi, []) }
    )
  }
  pi.payment_method = pm
  pi.last_payment_error = null
  const method = testMethod(pm)
  if (method.outcome === "decline") {
    fail(store, pi, "card_declined", method.decline_code, pm)
    throw err(402, "card_error", pi.last_payment_error!.message as string, {
      code: "card_declined",
      decline_code: method.decline_code,
      payment_intent: view(store, pi, []),
      payment_method: paymentMethod(pm, store.secs()),
    })
  }
  if (method.outcome === "authenticate") {
    pi.status = "requires_action"
    pi.next_action = {
      type: "use_stripe_sdk",
      use_stripe_sdk: { type: "three_d_secure_redirect", stripe_js: `${store.url}/3ds/${pi.id}`, source: `src_${rand(24)}` },
    }
    store.emit("payment_intent.requires_action", pi)
    return pi
  }
  authorizeOrCharge(store, pi)
  return pi
}

export function capture(store: StripeStore, pi: PaymentIntent, p: FormObject): PaymentIntent {
  if (pi.status !== "requires_capture") {
    throw unexpectedState(store, pi, "capture")
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
  store.emit("charge.captured", chargeObject(store, pi, true))
  store.emit("payment_intent.succeeded", pi)
  return pi
}

export function cancel(store: StripeStore, pi: PaymentIntent, p: FormObject): PaymentIntent {
  if (!CANCELABLE.includes(pi.status)) {
    throw unexpectedState(store, pi, "cancel")
  }
  pi.status = "canceled"
  pi.canceled_at = store.secs()
  pi.cancellation_reason = str(p.cancellation_reason) ?? null
  pi.amount_capturable = 0
  pi.next_action = null
  store.emit("payment_intent.canceled", pi)
  return pi
}

/** The shopper finishes (or fails) the 3-D Secure challenge of an intent in requires_action. */
export function completeAction(store: StripeStore, id: string, outcome: "succeed" | "fail"): PaymentIntent {
  const pi = store.intents.get(id)
  if (!pi) {
    throw new Error(`no PaymentIntent ${id}`)
  }
  if (pi.status !== "requires_action") {
    throw new Error(`PaymentIntent ${id} is ${pi.status}, not requires_action`)
  }
  pi.next_action = null
  if (outcome === "succeed") {
    authorizeOrCharge(store, pi)
  } else {
    fail(store, pi, "payment_intent_authentication_failure", undefined, null)
  }
  return structuredClone(pi)
}
