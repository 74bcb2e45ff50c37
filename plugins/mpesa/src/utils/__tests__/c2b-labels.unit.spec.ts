import { C2B_STATE_BADGE, C2B_STATE_FILTERS, c2bActionRefusal, c2bStateQuery, describeC2bPayment, type C2bPaymentFacts } from "../c2b-labels"
import { C2B_STATES } from "../c2b-transitions"

describe("describeC2bPayment", () => {
  it.each<[string, C2bPaymentFacts, RegExp]>([
    ["received", { state: "received" }, /^Waiting for Safaricom to confirm/],
    ["declined", { state: "declined" }, /Declined.*no money should have moved/],
    ["confirmed", { state: "confirmed" }, /being matched to an order/],
    ["captured by the matcher", { state: "captured", match_detail: { decision: "exact" } }, /^Paid the order in full; captured\.$/],
    ["captured by the merchant", { state: "captured", match_detail: { decision: "exact", attached_by_merchant: true } }, /^Matched to the order by hand/],
    ["part paid, balance known", { state: "partial", match_detail: { balance_kes: 1250 } }, /KES 1,250 still to pay/],
    ["part paid, no detail", { state: "partial" }, /the balance is still to pay/],
    ["overpaid, excess known", { state: "over", match_detail: { excess_kes: 50 } }, /KES 50 more; the excess is the payer's/],
    ["overpaid, no detail", { state: "over", match_detail: null }, /and more; the excess/],
    [
      "unmatched, with the matcher's reason",
      { state: "unmatched", match_detail: { decision: "unknown", reason: "No order has the reference entered as the account" } },
      /^Names no order \(No order has the reference entered as the account\): match it to an order, or refund it\.$/,
    ],
    ["unmatched, no reason", { state: "unmatched" }, /not an order number/],
    ["review: second payment", { state: "review", flag: "already_paid" }, /second payment for an order that is already paid/],
    ["review: several orders", { state: "review", flag: "ambiguous", match_detail: { reason: "2 orders from this phone await exactly this amount" } }, /more than one order \(2 orders from this phone/],
    ["review: Daraja disagrees", { state: "review", flag: "confirmation_mismatch", amount_kes: 100 }, /record differs.*M-Pesa statement/],
    ["review: a fractional amount", { state: "review", flag: "confirmation_mismatch", amount_kes: null, amount_raw: "100.50" }, /amount came as "100.50"/],
    ["review: unresolved", { state: "review", flag: "unresolved" }, /could not confirm this payment in time/],
    ["review: confirmed after rejection", { state: "review", flag: "confirmed_after_rejection" }, /first said there was no such payment/],
    ["review: overtaken before its capture", { state: "review", flag: "capture_overtaken" }, /paid another way before it was captured/],
    ["review: a flag this file does not know", { state: "review", flag: "something_new" }, /^Needs a look: something new\.$/],
    ["review: no flag", { state: "review" }, /^Needs a look\.$/],
    ["refunded", { state: "refunded" }, /Sent back to the payer/],
    ["rejected", { state: "rejected" }, /no such transaction/],
  ])("%s", (_name, payment, expected) => {
    expect(describeC2bPayment(payment)).toMatch(expected)
  })

  it("has a sentence and a badge for every state of the transition function", () => {
    for (const state of C2B_STATES) {
      expect(describeC2bPayment({ state })).toMatch(/\.$/)
      expect(C2B_STATE_BADGE[state].label).toBeTruthy()
    }
  })
})

describe("c2bStateQuery", () => {
  it.each<[string, string | undefined]>([
    ["queue", undefined],
    ["unmatched", "unmatched"],
    ["review", "review"],
    ["refunded", "refunded"],
    ["all", "confirmed,captured,partial,over,unmatched,review,refunded"],
    ["no such filter", undefined],
  ])("%s → %s", (filter, query) => {
    expect(c2bStateQuery(filter)).toBe(query)
  })

  it("labels every filter once", () => {
    expect(new Set(C2B_STATE_FILTERS.map(([value]) => value)).size).toBe(C2B_STATE_FILTERS.length)
  })
})

describe("c2bActionRefusal", () => {
  it.each<[string, C2bPaymentFacts, RegExp | undefined]>([
    ["unmatched, confirmed amount", { state: "unmatched", amount_kes: 100 }, undefined],
    ["second payment in review", { state: "review", flag: "already_paid", amount_kes: 100 }, undefined],
    ["several orders in review", { state: "review", flag: "ambiguous", amount_kes: 100 }, undefined],
    ["Daraja disagrees", { state: "review", flag: "confirmation_mismatch", amount_kes: 100 }, /not confirmed it as reported/],
    ["unresolved", { state: "review", flag: "unresolved", amount_kes: 100 }, /not confirmed it as reported/],
    ["confirmed after rejection", { state: "review", flag: "confirmed_after_rejection", amount_kes: 100 }, /not confirmed it as reported/],
    ["no whole amount", { state: "review", flag: "ambiguous", amount_kes: null }, /not confirmed it as reported/],
    ["captured", { state: "captured", amount_kes: 100 }, /It is captured; only unmatched/],
    ["refunded", { state: "refunded", amount_kes: 100 }, /It is refunded/],
    ["not yet confirmed", { state: "received", amount_kes: 100 }, /It is confirming/],
  ])("%s", (_name, payment, expected) => {
    const refusal = c2bActionRefusal(payment)
    if (expected) {
      expect(refusal).toMatch(expected)
    } else {
      expect(refusal).toBeUndefined()
    }
  })
})
