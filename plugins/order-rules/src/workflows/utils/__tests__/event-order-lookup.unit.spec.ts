import { orderIdQueryForEvent, SUBSCRIBED_EVENTS } from "../event-order-lookup"

describe("orderIdQueryForEvent", () => {
  it.each([
    ["order.placed", { id: "order_1" }, { kind: "order", id: "order_1" }],
    ["order.canceled", { id: "order_1" }, { kind: "order", id: "order_1" }],
    ["order.fulfillment_created", { order_id: "order_1", fulfillment_id: "ful_1" }, { kind: "order", id: "order_1" }],
    ["shipment.created", { id: "ful_1" }, { kind: "query", entity: "fulfillment", id: "ful_1", path: "order.id" }],
    ["delivery.created", { id: "ful_1" }, { kind: "query", entity: "fulfillment", id: "ful_1", path: "order.id" }],
    ["payment.captured", { id: "pay_1" }, { kind: "query", entity: "payment", id: "pay_1", path: "payment_collection.order.id" }],
    ["payment.refunded", { id: "pay_1" }, { kind: "query", entity: "payment", id: "pay_1", path: "payment_collection.order.id" }],
    ["payment.failed", { order_id: "order_1" }, { kind: "order", id: "order_1" }],
    ["payment.failed", { payment_id: "pay_1" }, { kind: "query", entity: "payment", id: "pay_1", path: "payment_collection.order.id" }],
    ["payment.failed", { payment_collection_id: "pc_1" }, { kind: "query", entity: "payment_collection", id: "pc_1", path: "order.id" }],
    ["payment.failed", { payment_session_id: "ps_1" }, { kind: "query", entity: "payment_session", id: "ps_1", path: "payment_collection.order.id" }],
    ["payment.failed", { reason: "no ids" }, undefined],
    ["payment.captured", {}, undefined],
    ["product.updated", { id: "prod_1" }, undefined],
  ])("%s %j", (event, data, expected) => {
    expect(orderIdQueryForEvent(event, data)).toEqual(expected)
  })

  it("covers every event the subscribers listen to", () => {
    expect(SUBSCRIBED_EVENTS.sort()).toEqual(
      [
        "order.placed",
        "payment.captured",
        "payment.failed",
        "order.fulfillment_created",
        "shipment.created",
        "delivery.created",
        "order.canceled",
        "payment.refunded",
      ].sort()
    )
  })
})
