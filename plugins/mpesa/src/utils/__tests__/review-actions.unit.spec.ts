import { planReviewAttach, reviewReceipt, reviewRefundRefusal, type AttachInput } from "../review-actions"
import { getMockedStkCallback } from "./mocks/stk-callback"

const input = (over: { request?: Partial<AttachInput["request"]>; order?: Partial<AttachInput["order"]>; receipt_taken?: boolean } = {}): AttachInput => ({
  request: { status: "review", flag: "second_payment", amount_kes: 1750, receipt: "UAB1CD2EF3", ...over.request },
  order: { status: "pending", currency_code: "kes", mpesa_session: { id: "payses_1", amount_kes: 1750 }, captured: false, ...over.order },
  receipt_taken: over.receipt_taken ?? false,
})

describe("planReviewAttach", () => {
  it.each<[string, AttachInput, RegExp | "ok"]>([
    ["a second payment for an order awaiting that amount", input(), "ok"],
    ["paid after the session closed", input({ request: { flag: "paid_after_session_closed" } }), "ok"],
    ["paid after it was recorded cancelled", input({ request: { flag: "paid_after_cancelled" } }), "ok"],
    ["not in review (already attached)", input({ request: { status: "paid" } }), /not waiting for review \(it is paid\)/],
    ["sent back already", input({ request: { status: "refunded" } }), /not waiting for review \(it is refunded\)/],
    ["STK Query says not paid", input({ request: { flag: "query_disagrees" } }), /not confirmed as paid.*M-Pesa portal/],
    ["nobody knows", input({ request: { flag: "unresolved" } }), /not confirmed as paid/],
    ["a different amount reported", input({ request: { flag: "amount_mismatch" } }), /different amount.*refund it/],
    ["no receipt", input({ request: { receipt: undefined } }), /no M-Pesa receipt/],
    ["receipt on another row", input({ receipt_taken: true }), /already recorded on another/],
    ["order cancelled", input({ order: { status: "canceled" } }), /order is canceled/],
    ["order in USD", input({ order: { currency_code: "usd" } }), /in USD/],
    ["order paid another way", input({ order: { mpesa_session: undefined } }), /not placed with M-Pesa/],
    ["order already paid", input({ order: { captured: true } }), /already paid; refund/],
    ["amounts differ", input({ order: { mpesa_session: { id: "payses_1", amount_kes: 1751 } } }), /awaits KES 1751 but this payment is KES 1750/],
  ])("%s", (_name, given, expected) => {
    const plan = planReviewAttach(given)
    if (expected === "ok") {
      expect(plan).toEqual({ ok: true, session_id: "payses_1" })
    } else {
      expect(plan.ok).toBe(false)
      expect(plan.ok ? "" : plan.reason).toMatch(expected)
    }
  })
})

describe("reviewReceipt", () => {
  it.each<[string, Parameters<typeof reviewReceipt>[0], string | undefined]>([
    ["the ledger's receipt first", { receipt_number: "UAB1CD2EF3", raw_callback: getMockedStkCallback({ receipt: "XYZ" }) }, "UAB1CD2EF3"],
    ["else the paid callback's", { receipt_number: null, raw_callback: getMockedStkCallback({ receipt: "nlj7rt61sv" }) }, "NLJ7RT61SV"],
    ["a failed callback has none", { receipt_number: null, raw_callback: getMockedStkCallback({ resultCode: 1032 }) }, undefined],
    ["no callback, none", { receipt_number: null, raw_callback: null }, undefined],
    ["garbage, none", { raw_callback: { Body: 5 } }, undefined],
  ])("%s", (_name, request, expected) => {
    expect(reviewReceipt(request)).toBe(expected)
  })
})

describe("reviewRefundRefusal", () => {
  const base = { status: "review", flag: "second_payment", receipt: "UAB1CD2EF3", captured: false }
  it.each<[string, Partial<typeof base>, RegExp | undefined]>([
    ["a second payment", {}, undefined],
    ["an amount in doubt", { flag: "amount_mismatch" }, undefined],
    ["again after a failed reversal", { status: "refunded" }, undefined],
    ["already attached", { status: "paid" }, /not waiting for review \(it is paid\)/],
    ["still pending", { status: "pending" }, /not waiting for review/],
    ["captured on an order", { captured: true }, /refund it from the order/],
    ["STK Query says not paid", { flag: "query_disagrees" }, /not confirmed as paid/],
    ["nobody knows", { flag: "unresolved" }, /not confirmed as paid/],
    ["no receipt", { receipt: undefined }, /no M-Pesa receipt/],
  ])("%s", (_name, over, expected) => {
    const refusal = reviewRefundRefusal({ ...base, ...over })
    if (expected) {
      expect(refusal).toMatch(expected)
    } else {
      expect(refusal).toBeUndefined()
    }
  })
})
