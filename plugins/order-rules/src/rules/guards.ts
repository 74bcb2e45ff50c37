import {
  ALL_SHIPPED_FULFILLMENT,
  ANY_SHIPPED_FULFILLMENT,
  CAPTURED_PAYMENT,
  FULFILLED_FULFILLMENT,
} from "./medusa-statuses"
import type { Guard, GuardId, GuardResult, OrderFacts } from "./types"

const ok: GuardResult = { ok: true }

function fail(reason: string): GuardResult {
  return { ok: false, reason }
}

function paymentCaptured(facts: OrderFacts): GuardResult {
  if (CAPTURED_PAYMENT.includes(facts.payment_status)) {
    return ok
  }
  return fail(
    `The payment has not been captured (Medusa payment status is "${facts.payment_status}"). Capture the payment first.`
  )
}

function paymentNotCaptured(facts: OrderFacts): GuardResult {
  // A full refund still means the payment was captured once.
  if (
    !CAPTURED_PAYMENT.includes(facts.payment_status) &&
    facts.payment_status !== "refunded"
  ) {
    return ok
  }
  return fail(
    `The payment has already been captured (Medusa payment status is "${facts.payment_status}").`
  )
}

function notShipped(facts: OrderFacts): GuardResult {
  if (!ANY_SHIPPED_FULFILLMENT.includes(facts.fulfillment_status)) {
    return ok
  }
  return fail(
    "The order has already shipped, so it cannot be cancelled. Record a return instead."
  )
}

function fulfilled(facts: OrderFacts): GuardResult {
  if (
    FULFILLED_FULFILLMENT.includes(facts.fulfillment_status) &&
    facts.has_unfulfilled_items !== true
  ) {
    return ok
  }
  return fail(
    `Not every item has been fulfilled yet (Medusa fulfillment status is "${facts.fulfillment_status}"). Create the fulfillment first.`
  )
}

function shipped(facts: OrderFacts): GuardResult {
  if (ALL_SHIPPED_FULFILLMENT.includes(facts.fulfillment_status)) {
    return ok
  }
  return fail(
    `Not every item has shipped yet (Medusa fulfillment status is "${facts.fulfillment_status}"). Mark the fulfillment as shipped first.`
  )
}

function delivered(facts: OrderFacts): GuardResult {
  if (facts.fulfillment_status === "delivered") {
    return ok
  }
  return fail(
    `The order has not been delivered yet (Medusa fulfillment status is "${facts.fulfillment_status}"). Mark the fulfillment as delivered first.`
  )
}

function refundRecorded(facts: OrderFacts): GuardResult {
  if (facts.payment_status === "refunded") {
    return ok
  }
  return fail(
    `No full refund is recorded (Medusa payment status is "${facts.payment_status}"). Refund the payment first.`
  )
}

function orderNotCanceledInMedusa(facts: OrderFacts): GuardResult {
  if (facts.status !== "canceled") {
    return ok
  }
  return fail("The order has been canceled in Medusa.")
}

/** Named preconditions a transition can require. Each says what to do when it fails. */
export const GUARDS: Record<GuardId, Guard> = {
  payment_captured: paymentCaptured,
  payment_not_captured: paymentNotCaptured,
  not_shipped: notShipped,
  fulfilled,
  shipped,
  delivered,
  refund_recorded: refundRecorded,
  order_not_canceled_in_medusa: orderNotCanceledInMedusa,
}

/** Runs guards in order and stops at the first failure, so the merchant sees one fix at a time. */
export function checkGuards(
  guardIds: readonly GuardId[] | undefined,
  facts: OrderFacts
): GuardResult {
  for (const id of guardIds ?? []) {
    const result = GUARDS[id](facts)
    if (!result.ok) {
      return result
    }
  }
  return ok
}

/**
 * Guards that prove something happened in Medusa (rather than that something did
 * not), so the event mapper may step through the states they protect.
 */
export const EVIDENCE_GUARDS: readonly GuardId[] = [
  "payment_captured",
  "fulfilled",
  "shipped",
  "delivered",
  "refund_recorded",
]
