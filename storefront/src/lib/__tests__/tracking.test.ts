import { describe, expect, it } from "vitest"
import { nextPollDelay, isMpesaStatus } from "../mpesa"
import { orderStatusLabel } from "../order-status"
import { isOrderTracking, timelineSteps } from "../tracking"

const at = "2026-11-21T06:48:00.000Z"

describe("timelineSteps", () => {
  it("shows what happened, the current state, and the usual steps ahead", () => {
    const steps = timelineSteps({
      status: "paid",
      final: false,
      timeline: [
        { status: "awaiting_payment", label: "Awaiting payment", at },
        { status: "paid", label: "Paid", at },
      ],
    })
    expect(steps.map((s) => [s.status, s.state])).toEqual([
      ["awaiting_payment", "done"],
      ["paid", "current"],
      ["processing", "upcoming"],
      ["shipped", "upcoming"],
      ["delivered", "upcoming"],
      ["completed", "upcoming"],
    ])
  })

  it("stops at a final state and marks failures", () => {
    expect(timelineSteps({ status: "completed", final: true, timeline: [{ status: "completed", label: "Completed", at }] }).at(-1)).toMatchObject({
      state: "done",
    })
    const failed = timelineSteps({ status: "payment_failed", final: false, timeline: [{ status: "payment_failed", label: "", at }] })
    expect(failed).toEqual([{ status: "payment_failed", label: "Payment failed", at, state: "failed" }])
  })

  it("continues from shipped when out for delivery", () => {
    const steps = timelineSteps({ status: "out_for_delivery", final: false, timeline: [{ status: "out_for_delivery", label: "Out for delivery", at }] })
    expect(steps.map((s) => s.status)).toEqual(["out_for_delivery", "delivered", "completed"])
  })

  it("recognises the plugin's answer", () => {
    expect(isOrderTracking({ status: "paid", timeline: [] })).toBe(true)
    expect(isOrderTracking({ message: "nope" })).toBe(false)
  })
})

describe("order status labels", () => {
  it.each([
    [{ status: "canceled", payment_status: "captured", fulfillment_status: "not_fulfilled" }, "cancelled"],
    [{ status: "pending", payment_status: "awaiting", fulfillment_status: "not_fulfilled" }, "awaitingPayment"],
    [{ status: "pending", payment_status: "captured", fulfillment_status: "not_fulfilled" }, "paid"],
    [{ status: "pending", payment_status: "captured", fulfillment_status: "shipped" }, "onTheWay"],
    [{ status: "completed", payment_status: "captured", fulfillment_status: "delivered" }, "delivered"],
  ])("%j → %s", (order, label) => {
    expect(orderStatusLabel(order as Parameters<typeof orderStatusLabel>[0]).key).toBe(label)
  })
})

describe("M-Pesa status helpers", () => {
  it("polls quickly at first, then backs off", () => {
    expect(nextPollDelay(0)).toBe(2000)
    expect(nextPollDelay(90_000)).toBe(5000)
    expect(nextPollDelay(10 * 60_000)).toBe(15000)
  })

  it("checks answers", () => {
    expect(isMpesaStatus({ status: "paid", shopper_message: "", can_retry: false })).toBe(true)
    expect(isMpesaStatus({ status: "weird" })).toBe(false)
  })
})
