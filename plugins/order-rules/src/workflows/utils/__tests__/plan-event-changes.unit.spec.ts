import { DEFAULT_RULE_SET, type OrderFacts } from "../../../rules"
import type { OrderStatusContext } from "../../steps/load-order-status-context"
import { planEventChanges } from "../plan-event-changes"

function context(status: string | null, facts: Partial<OrderFacts> = {}): OrderStatusContext {
  return {
    order_id: "order_1",
    order: { display_id: 1, email: "a@example.com", customer_id: null, created_at: "2026-01-01T00:00:00Z" },
    status,
    version: status === null ? 0 : 3,
    changed_at: null,
    facts: { status: "pending", payment_status: "authorized", fulfillment_status: "not_fulfilled", ...facts },
    rule_set: DEFAULT_RULE_SET,
    replay: null,
  }
}

const path = (plan: ReturnType<typeof planEventChanges>) => plan.changes.map((c) => `${c.from_status ?? "∅"}→${c.to_status}`)

const captured = { payment_status: "captured" as const }

describe("planEventChanges", () => {
  it.each([
    // [name, status, facts, event, expected path]
    ["placement records the initial state", null, {}, "order.placed", ["∅→awaiting_payment"]],
    ["placement catches up on a payment captured before the order existed", null, captured, "order.placed", ["∅→awaiting_payment", "awaiting_payment→paid"]],
    ["a repeated placement does nothing", "paid", captured, "order.placed", []],
    ["capture moves to paid", "awaiting_payment", captured, "payment.captured", ["awaiting_payment→paid"]],
    ["a duplicate capture does nothing", "paid", captured, "payment.captured", []],
    ["capture after a failed attempt", "payment_failed", captured, "payment.captured", ["payment_failed→paid"]],
    ["payment failure", "awaiting_payment", { payment_status: "awaiting" as const }, "payment.failed", ["awaiting_payment→payment_failed"]],
    ["a late failure after capture does nothing", "paid", captured, "payment.failed", []],
    ["fulfilment of a paid order", "paid", { ...captured, fulfillment_status: "fulfilled" as const }, "order.fulfillment_created", ["paid→processing"]],
    ["fulfilment before capture is blocked", "awaiting_payment", { fulfillment_status: "fulfilled" as const }, "order.fulfillment_created", []],
    ["capture after an early fulfilment catches up to processing", "awaiting_payment", { ...captured, fulfillment_status: "fulfilled" as const }, "payment.captured", ["awaiting_payment→paid", "paid→processing"]],
    ["shipment", "processing", { ...captured, fulfillment_status: "shipped" as const }, "shipment.created", ["processing→shipped"]],
    ["a partial shipment waits", "processing", { ...captured, fulfillment_status: "partially_shipped" as const }, "shipment.created", []],
    ["a missed shipment event is walked through on delivery", "processing", { ...captured, fulfillment_status: "delivered" as const }, "delivery.created", ["processing→shipped", "shipped→delivered"]],
    ["delivery from out for delivery", "out_for_delivery", { ...captured, fulfillment_status: "delivered" as const }, "delivery.created", ["out_for_delivery→delivered"]],
    ["cancel of an unpaid order", "awaiting_payment", { status: "canceled" as const, payment_status: "canceled" as const }, "order.canceled", ["awaiting_payment→cancelled"]],
    ["cancel that refunded a captured payment", "paid", { status: "canceled" as const, payment_status: "refunded" as const }, "order.canceled", ["paid→cancelled", "cancelled→refunded"]],
    ["a refund seen before the cancel event still passes through cancelled", "paid", { status: "canceled" as const, payment_status: "refunded" as const }, "payment.refunded", ["paid→cancelled", "cancelled→refunded"]],
    ["refund of a paid order", "paid", { payment_status: "refunded" as const }, "payment.refunded", ["paid→refunded"]],
    ["a partial refund waits", "paid", { payment_status: "partially_refunded" as const }, "payment.refunded", []],
    ["refund after a return", "returned", { payment_status: "refunded" as const, fulfillment_status: "delivered" as const }, "payment.refunded", ["returned→refunded"]],
    ["an event for an order without a lifecycle backfills its placement", null, captured, "payment.captured", ["∅→awaiting_payment", "awaiting_payment→paid"]],
    ["nothing moves a completed order", "completed", { ...captured, fulfillment_status: "delivered" as const }, "delivery.created", []],
  ])("%s", (_name, status, facts, event, expected) => {
    expect(path(planEventChanges(context(status, facts), event))).toEqual(expected)
  })

  it("keeps the real event as the source of steps implied by Medusa's facts", () => {
    const plan = planEventChanges(context("paid", { status: "canceled", payment_status: "refunded" }), "order.canceled")
    expect(plan.changes.map((c) => [c.source, c.reason, c.actor])).toEqual([
      ["event:order.canceled", "Medusa event order.canceled", "system"],
      ["event:order.canceled", "Medusa event order.canceled (Medusa shows payment.refunded)", "system"],
    ])
  })

  it("notes why the event itself moved nothing", () => {
    const plan = planEventChanges(context("awaiting_payment", { fulfillment_status: "fulfilled" }), "order.fulfillment_created")
    expect(plan.notes).toEqual([expect.stringMatching(/^order\.fulfillment_created: Cannot move order from "awaiting_payment" to "processing"/)])
  })
})
