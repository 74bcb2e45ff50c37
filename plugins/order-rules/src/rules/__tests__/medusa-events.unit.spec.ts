import { DEFAULT_RULE_SET } from "../default-rules"
import { mergeRuleSets } from "../merge-rule-sets"
import {
  ORDER_STATUS_EVENTS as E,
  planEventTransition,
  statusForEvent,
} from "../medusa-events"
import type { OrderFacts } from "../types"
import { DELIVERED, PAID, SHIPPED, facts } from "./fixtures"

describe("statusForEvent", () => {
  it.each<{ event: string; given: OrderFacts; status: string | undefined }>([
    { event: E.paymentCaptured, given: PAID, status: "paid" },
    { event: E.paymentCaptured, given: facts({ payment_status: "partially_captured" }), status: undefined },
    { event: E.paymentFailed, given: facts({ payment_status: "awaiting" }), status: "payment_failed" },
    { event: E.paymentFailed, given: PAID, status: undefined },
    { event: E.fulfillmentCreated, given: facts({ payment_status: "captured", fulfillment_status: "fulfilled" }), status: "processing" },
    { event: E.shipmentCreated, given: SHIPPED, status: "shipped" },
    { event: E.shipmentCreated, given: facts({ payment_status: "captured", fulfillment_status: "partially_shipped" }), status: undefined },
    { event: E.deliveryCreated, given: DELIVERED, status: "delivered" },
    { event: E.deliveryCreated, given: facts({ fulfillment_status: "partially_delivered" }), status: undefined },
    { event: E.orderCanceled, given: facts({ status: "canceled" }), status: "cancelled" },
    { event: E.orderCanceled, given: facts(), status: undefined },
    { event: E.paymentRefunded, given: facts({ payment_status: "refunded" }), status: "refunded" },
    { event: E.paymentRefunded, given: facts({ payment_status: "partially_refunded" }), status: undefined },
    { event: "order.placed", given: facts(), status: undefined },
    { event: "product.updated", given: facts(), status: undefined },
  ])("$event with payment $given.payment_status / fulfillment $given.fulfillment_status → $status", ({ event, given, status }) => {
    expect(statusForEvent(event, given)).toBe(status)
  })
})

describe("planEventTransition", () => {
  const steps = (...states: string[]) =>
    states.slice(1).map((to, i) => ({ from: states[i], to }))

  it.each<{ name: string; from: string; event: string; given: OrderFacts; plan: unknown }>([
    {
      name: "capture moves an unpaid order to paid",
      from: "awaiting_payment",
      event: E.paymentCaptured,
      given: PAID,
      plan: { kind: "transition", target: "paid", steps: steps("awaiting_payment", "paid") },
    },
    {
      name: "capture after a failed attempt",
      from: "payment_failed",
      event: E.paymentCaptured,
      given: PAID,
      plan: { kind: "transition", target: "paid", steps: steps("payment_failed", "paid") },
    },
    {
      name: "a paid order whose shipment arrives before its fulfillment event",
      from: "paid",
      event: E.shipmentCreated,
      given: SHIPPED,
      plan: { kind: "transition", target: "shipped", steps: steps("paid", "processing", "shipped") },
    },
    {
      name: "delivery skips out-for-delivery when the courier never reported it",
      from: "shipped",
      event: E.deliveryCreated,
      given: DELIVERED,
      plan: { kind: "transition", target: "delivered", steps: steps("shipped", "delivered") },
    },
    {
      name: "a missed capture event is caught up by the fulfillment",
      from: "awaiting_payment",
      event: E.fulfillmentCreated,
      given: facts({ payment_status: "captured", fulfillment_status: "fulfilled" }),
      plan: { kind: "transition", target: "processing", steps: steps("awaiting_payment", "paid", "processing") },
    },
    {
      name: "Medusa cancel of a paid order (system needs no reason)",
      from: "paid",
      event: E.orderCanceled,
      given: facts({ status: "canceled", payment_status: "captured" }),
      plan: { kind: "transition", target: "cancelled", steps: steps("paid", "cancelled") },
    },
    {
      name: "refund after cancel",
      from: "cancelled",
      event: E.paymentRefunded,
      given: facts({ status: "canceled", payment_status: "refunded" }),
      plan: { kind: "transition", target: "refunded", steps: steps("cancelled", "refunded") },
    },
    {
      name: "duplicate capture event",
      from: "paid",
      event: E.paymentCaptured,
      given: PAID,
      plan: { kind: "none", reason: 'the order is already "paid"' },
    },
    {
      name: "partial refund",
      from: "delivered",
      event: E.paymentRefunded,
      given: facts({ payment_status: "partially_refunded", fulfillment_status: "delivered" }),
      plan: { kind: "none", reason: "payment.refunded implies no status change" },
    },
  ])("$name", ({ from, event, given, plan }) => {
    expect(planEventTransition(DEFAULT_RULE_SET, { from, eventName: event, facts: given })).toEqual(plan)
  })

  it("never passes through returned on a refund of a shipped order", () => {
    const plan = planEventTransition(DEFAULT_RULE_SET, {
      from: "shipped",
      eventName: E.paymentRefunded,
      facts: facts({ payment_status: "refunded", fulfillment_status: "shipped" }),
    })
    expect(plan).toMatchObject({
      kind: "blocked",
      target: "refunded",
      evaluation: {
        code: "not_allowed",
        message:
          'Cannot move order from "shipped" to "refunded". Allowed next states for system: out_for_delivery, returned.',
      },
    })
  })

  it("blocks a late fulfillment event for an order already shipped", () => {
    expect(
      planEventTransition(DEFAULT_RULE_SET, {
        from: "shipped",
        eventName: E.fulfillmentCreated,
        facts: SHIPPED,
      })
    ).toMatchObject({ kind: "blocked", target: "processing" })
  })

  it("does nothing for a target the merchant removed", () => {
    const merged = mergeRuleSets(DEFAULT_RULE_SET, { removeStates: ["out_for_delivery", "payment_failed"] })
    expect(merged.ok).toBe(true)
    if (!merged.ok) {
      return
    }
    expect(
      planEventTransition(merged.ruleSet, {
        from: "awaiting_payment",
        eventName: E.paymentFailed,
        facts: facts(),
      })
    ).toEqual({ kind: "none", reason: 'this rule set has no "payment_failed" state' })
  })
})
