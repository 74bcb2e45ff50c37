import {
  ALL_SHIPPED_FULFILLMENT,
  ANY_SHIPPED_FULFILLMENT,
  CAPTURED_PAYMENT,
  MONEY_HELD_PAYMENT,
} from "./medusa-statuses"
import type { OrderFacts } from "./types"

type Check = (facts: OrderFacts) => string | undefined

const notCanceled: Check = (f) =>
  f.status === "canceled" ? "the order is canceled in Medusa" : undefined

const notYetPaid: Check = (f) =>
  CAPTURED_PAYMENT.includes(f.payment_status) || f.payment_status === "refunded"
    ? `the payment has already been captured (payment status "${f.payment_status}")`
    : undefined

const paid: Check = (f) =>
  CAPTURED_PAYMENT.includes(f.payment_status)
    ? undefined
    : `the payment is not captured (payment status "${f.payment_status}")`

const allShipped: Check = (f) =>
  ALL_SHIPPED_FULFILLMENT.includes(f.fulfillment_status)
    ? undefined
    : `not every item has shipped (fulfillment status "${f.fulfillment_status}")`

const delivered: Check = (f) =>
  f.fulfillment_status === "delivered"
    ? undefined
    : `the order is not delivered (fulfillment status "${f.fulfillment_status}")`

// Cancelling before payment in our status first is fine (the workflow then cancels in
// Medusa), but money held or goods sent for an order shown as cancelled misleads the
// customer, so those need Medusa's own cancel (which releases or refunds the payment).
const cancelledConsistently: Check = (f) => {
  if (f.status === "canceled") {
    return undefined
  }
  if (MONEY_HELD_PAYMENT.includes(f.payment_status)) {
    return `the order is not canceled in Medusa and its payment is still held or captured (payment status "${f.payment_status}")`
  }
  if (ANY_SHIPPED_FULFILLMENT.includes(f.fulfillment_status)) {
    return `the order is not canceled in Medusa and items have shipped (fulfillment status "${f.fulfillment_status}")`
  }
  return undefined
}

const everShipped: Check = (f) =>
  ANY_SHIPPED_FULFILLMENT.includes(f.fulfillment_status)
    ? undefined
    : `nothing has shipped (fulfillment status "${f.fulfillment_status}")`

const fullyRefunded: Check = (f) =>
  f.payment_status === "refunded"
    ? undefined
    : `the payment is not fully refunded (payment status "${f.payment_status}")`

/**
 * What each default status claims about Medusa's order. Custom states claim
 * nothing, so they can never contradict.
 */
const CLAIMS: Record<string, Check[]> = {
  awaiting_payment: [notCanceled, notYetPaid],
  payment_failed: [notCanceled, notYetPaid],
  paid: [notCanceled, paid],
  processing: [notCanceled, paid],
  shipped: [notCanceled, allShipped],
  out_for_delivery: [notCanceled, allShipped],
  delivered: [notCanceled, delivered],
  completed: [notCanceled, delivered, paid],
  cancelled: [cancelledConsistently],
  returned: [everShipped],
  refunded: [fullyRefunded],
}

/**
 * Why a merchant-facing status would contradict Medusa's own order and payment
 * state, or undefined when it does not. Check it with the facts as they will be
 * after the workflow's Medusa side effects (e.g. after cancelling in Medusa).
 */
export function contradictsMedusa(
  status: string,
  facts: OrderFacts
): string | undefined {
  for (const check of CLAIMS[status] ?? []) {
    const problem = check(facts)
    if (problem !== undefined) {
      return `Status "${status}" contradicts Medusa: ${problem}.`
    }
  }
  return undefined
}
