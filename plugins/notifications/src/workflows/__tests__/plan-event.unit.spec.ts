import { eventWorkflowInput, planEvent, REPLAY_EVENT, tokenFingerprint } from "../utils/plan-event"

describe("planEvent: what each event means", () => {
  it.each([
    ["order.placed", { id: "order_1" }, "order.placed", ["order-placed", "merchant-new-order"], { entity: "order", id: "order_1" }, { kind: "order" }],
    ["payment.captured", { id: "pay_1" }, "payment.captured", ["payment-received"], { entity: "payment", id: "pay_1" }, { kind: "fixed", id: "pay_1" }],
    ["payment.refunded", { id: "pay_1" }, "order.refunded", ["order-refunded"], { entity: "payment", id: "pay_1" }, { kind: "order" }],
    ["shipment.created", { id: "ful_1", no_notification: false }, "order.shipped", ["order-shipped"], { entity: "fulfillment", id: "ful_1" }, { kind: "order" }],
    ["delivery.created", { id: "ful_1" }, "order.delivered", ["order-delivered"], { entity: "fulfillment", id: "ful_1" }, { kind: "order" }],
    ["order.canceled", { id: "order_1" }, "order.cancelled", ["order-cancelled"], { entity: "order", id: "order_1" }, { kind: "order" }],
    ["customer.created", { id: "cus_1" }, "customer.created", ["welcome"], { entity: "customer", id: "cus_1" }, { kind: "fixed", id: "cus_1" }],
    ["order_status.changed", { order_id: "order_1", from: "processing", to: "shipped", actor: "admin" }, "order.shipped", ["order-shipped"], { entity: "order", id: "order_1" }, { kind: "order" }],
    ["order_status.changed", { order_id: "order_1", from: "shipped", to: "out_for_delivery" }, "order.out_for_delivery", ["order-out-for-delivery"], { entity: "order", id: "order_1" }, { kind: "order" }],
    ["order_status.changed", { order_id: "order_1", to: "delivered" }, "order.delivered", ["order-delivered"], { entity: "order", id: "order_1" }, { kind: "order" }],
    ["order_status.changed", { order_id: "order_1", to: "refunded" }, "order.refunded", ["order-refunded"], { entity: "order", id: "order_1" }, { kind: "order" }],
  ])("%s %j", (name, data, trigger, templates, lookup, resource) => {
    expect(planEvent(name, data)).toEqual(expect.objectContaining({ trigger, templates, lookup, resource }))
  })

  it("Medusa's and order-rules' events for the same step share a trigger and resource, so they dedupe", () => {
    const medusa = planEvent("shipment.created", { id: "ful_1" })!
    const rules = planEvent("order_status.changed", { order_id: "order_1", from: "processing", to: "shipped" })!
    expect([medusa.trigger, medusa.resource]).toEqual([rules.trigger, rules.resource])
    const cancel = planEvent("order_status.changed", { order_id: "order_1", to: "cancelled", reason: "Out of stock" })!
    expect(cancel).toEqual(expect.objectContaining({ trigger: "order.cancelled", extras: expect.objectContaining({ cancel_reason: "Out of stock" }) }))
    expect(planEvent("order.canceled", { id: "order_1" })!.trigger).toBe("order.cancelled")
  })

  describe("payment.failed (emitted by Soko M-Pesa; payload read defensively)", () => {
    it.each([
      [{ id: "pay_1", order_id: "order_1", reason: "Request cancelled by user" }, { entity: "order", id: "order_1" }, { kind: "fixed", id: "pay_1" }, "Request cancelled by user"],
      [{ order_id: "order_1" }, { entity: "order", id: "order_1" }, { kind: "order" }, undefined],
      [{ id: "pay_1" }, { entity: "payment", id: "pay_1" }, { kind: "fixed", id: "pay_1" }, undefined],
      [{ id: "payses_1", message: "Insufficient funds" }, { entity: "payment_session", id: "payses_1" }, { kind: "fixed", id: "payses_1" }, "Insufficient funds"],
      [{ id: "pay_col_1" }, { entity: "payment_collection", id: "pay_col_1" }, { kind: "fixed", id: "pay_col_1" }, undefined],
      [{ id: "order_1", reason: "x".repeat(500) }, { entity: "order", id: "order_1" }, { kind: "fixed", id: "order_1" }, "x".repeat(200)],
    ])("%j", (data, lookup, resource, reason) => {
      const plan = planEvent("payment.failed", data)!
      expect(plan).toEqual(expect.objectContaining({ trigger: "payment.failed", templates: ["payment-failed"], lookup, resource }))
      expect(plan.extras.failure_reason).toBe(reason)
    })

    it.each([[{}], [{ id: "ws_CO_123" }], [{ id: 42 }], [null], ["order_1"]])("%j means nothing to send", (data) => {
      expect(planEvent("payment.failed", data)).toBeNull()
    })
  })

  it("password resets key on a fingerprint of the token, never the token", () => {
    const plan = planEvent("auth.password_reset", { entity_id: "a@example.com", token: "secret-token", actor_type: "customer" })!
    expect(plan.lookup).toEqual({ entity: "customer_by_email", email: "a@example.com" })
    expect(plan.resource).toEqual({ kind: "fixed", id: tokenFingerprint("secret-token") })
    expect(JSON.stringify(plan.resource)).not.toContain("secret-token")
    expect(planEvent("auth.password_reset", { entity_id: "admin@example.com", token: "t", actor_type: "user" })!.lookup).toEqual({
      entity: "user_by_email",
      email: "admin@example.com",
    })
    expect(tokenFingerprint("a")).not.toBe(tokenFingerprint("b"))
  })

  it.each([
    ["unknown.event", { id: "x" }],
    ["order.placed", {}],
    ["order.placed", { id: "  " }],
    ["order.placed", undefined],
    ["shipment.created", { id: "ful_1", no_notification: true }],
    ["order_status.changed", { order_id: "order_1", to: "paid" }],
    ["order_status.changed", { order_id: "order_1", to: "payment_failed" }],
    ["order_status.changed", { order_id: "order_1", to: "processing" }],
    ["order_status.changed", { to: "shipped" }],
    ["auth.password_reset", { entity_id: "a@example.com", actor_type: "customer" }],
    ["auth.password_reset", { entity_id: "a@example.com", token: "t", actor_type: "robot" }],
  ])("%s %j sends nothing", (name, data) => {
    expect(planEvent(name, data)).toBeNull()
  })
})

describe("eventWorkflowInput: whether the subscriber starts a workflow, and with what", () => {
  const at = "2026-12-07T10:00:00.000Z"
  it.each([
    ["order.placed", { id: "order_1" }, { event_name: "order.placed", data: { id: "order_1" }, event_at: at, replay: 0 }],
    ["order_status.changed", { order_id: "order_1", to: "shipped" }, { event_name: "order_status.changed", data: { order_id: "order_1", to: "shipped" }, event_at: at, replay: 0 }],
    // An order's first status (one per checkout) and statuses without a template mean no message: no workflow.
    ["order_status.changed", { order_id: "order_1", to: "awaiting_payment" }, null],
    ["order_status.changed", { order_id: "order_1", from: "awaiting_payment", to: "processing" }, null],
    ["shipment.created", { id: "ful_1", no_notification: true }, null],
    ["order.placed", {}, null],
    [REPLAY_EVENT, { event_name: "payment.captured", data: { id: "pay_1" }, event_at: at, replay: 2 }, { event_name: "payment.captured", data: { id: "pay_1" }, event_at: at, replay: 2 }],
    [REPLAY_EVENT, { event_name: "order_status.changed", data: { order_id: "order_1", to: "awaiting_payment" }, replay: 1 }, null],
  ])("%s %j", (name, data, expected) => {
    expect(eventWorkflowInput({ name, data, metadata: { created_at: at } })).toEqual(expected)
  })
})
