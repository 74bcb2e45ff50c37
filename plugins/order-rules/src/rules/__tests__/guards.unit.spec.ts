import { EVIDENCE_GUARDS, GUARDS, checkGuards } from "../guards"
import { GUARD_IDS, type GuardId } from "../types"
import { facts } from "./fixtures"

const PASS = undefined

describe("GUARDS", () => {
  it("implements exactly the declared guard ids", () => {
    expect(Object.keys(GUARDS).sort()).toEqual([...GUARD_IDS].sort())
  })

  it.each<{ guard: GuardId; given: Parameters<typeof facts>[0]; fails?: string }>([
    { guard: "payment_captured", given: { payment_status: "captured" }, fails: PASS },
    { guard: "payment_captured", given: { payment_status: "partially_refunded" }, fails: PASS },
    {
      guard: "payment_captured",
      given: { payment_status: "authorized" },
      fails:
        'The payment has not been captured (Medusa payment status is "authorized"). Capture the payment first.',
    },
    {
      guard: "payment_captured",
      given: { payment_status: "partially_captured" },
      fails:
        'The payment has not been captured (Medusa payment status is "partially_captured"). Capture the payment first.',
    },
    {
      guard: "payment_captured",
      given: { payment_status: "refunded" },
      fails:
        'The payment has not been captured (Medusa payment status is "refunded"). Capture the payment first.',
    },
    { guard: "payment_not_captured", given: { payment_status: "awaiting" }, fails: PASS },
    {
      guard: "payment_not_captured",
      given: { payment_status: "captured" },
      fails: 'The payment has already been captured (Medusa payment status is "captured").',
    },
    {
      guard: "payment_not_captured",
      given: { payment_status: "refunded" },
      fails: 'The payment has already been captured (Medusa payment status is "refunded").',
    },
    { guard: "not_shipped", given: { fulfillment_status: "fulfilled" }, fails: PASS },
    { guard: "not_shipped", given: { fulfillment_status: "canceled" }, fails: PASS },
    {
      guard: "not_shipped",
      given: { fulfillment_status: "partially_shipped" },
      fails:
        "The order has already shipped, so it cannot be cancelled. Record a return instead.",
    },
    {
      guard: "not_shipped",
      given: { fulfillment_status: "delivered" },
      fails:
        "The order has already shipped, so it cannot be cancelled. Record a return instead.",
    },
    { guard: "fulfilled", given: { fulfillment_status: "fulfilled" }, fails: PASS },
    { guard: "fulfilled", given: { fulfillment_status: "shipped" }, fails: PASS },
    {
      guard: "fulfilled",
      given: { fulfillment_status: "partially_fulfilled" },
      fails:
        'Not every item has been fulfilled yet (Medusa fulfillment status is "partially_fulfilled"). Create the fulfillment first.',
    },
    {
      guard: "fulfilled",
      given: { fulfillment_status: "fulfilled", has_unfulfilled_items: true },
      fails:
        'Not every item has been fulfilled yet (Medusa fulfillment status is "fulfilled"). Create the fulfillment first.',
    },
    { guard: "shipped", given: { fulfillment_status: "shipped" }, fails: PASS },
    { guard: "shipped", given: { fulfillment_status: "partially_delivered" }, fails: PASS },
    {
      guard: "shipped",
      given: { fulfillment_status: "partially_shipped" },
      fails:
        'Not every item has shipped yet (Medusa fulfillment status is "partially_shipped"). Mark the fulfillment as shipped first.',
    },
    { guard: "delivered", given: { fulfillment_status: "delivered" }, fails: PASS },
    {
      guard: "delivered",
      given: { fulfillment_status: "partially_delivered" },
      fails:
        'The order has not been delivered yet (Medusa fulfillment status is "partially_delivered"). Mark the fulfillment as delivered first.',
    },
    { guard: "refund_recorded", given: { payment_status: "refunded" }, fails: PASS },
    {
      guard: "refund_recorded",
      given: { payment_status: "partially_refunded" },
      fails:
        'No full refund is recorded (Medusa payment status is "partially_refunded"). Refund the payment first.',
    },
    { guard: "order_not_canceled_in_medusa", given: { status: "completed" }, fails: PASS },
    {
      guard: "order_not_canceled_in_medusa",
      given: { status: "canceled" },
      fails: "The order has been canceled in Medusa.",
    },
  ])("$guard with $given → $fails", ({ guard, given, fails }) => {
    const expected = fails === PASS ? { ok: true } : { ok: false, reason: fails }
    expect(GUARDS[guard](facts(given))).toEqual(expected)
  })

  it("checkGuards passes with no guards and stops at the first failure", () => {
    expect(checkGuards(undefined, facts())).toEqual({ ok: true })
    expect(
      checkGuards(["not_shipped", "payment_captured", "delivered"], facts())
    ).toEqual({
      ok: false,
      reason:
        'The payment has not been captured (Medusa payment status is "not_paid"). Capture the payment first.',
    })
  })

  it("counts only positive proofs as evidence", () => {
    expect([...EVIDENCE_GUARDS].sort()).toEqual(
      ["delivered", "fulfilled", "payment_captured", "refund_recorded", "shipped"]
    )
  })
})
