import { EarlierRefund, planMpesaRefund } from "../refund-plan"

const b2c = (status: EarlierRefund["status"], amount_kes: number): EarlierRefund => ({ method: "b2c", status, amount_kes })
const rev = (status: EarlierRefund["status"]): EarlierRefund => ({ method: "reversal", status, amount_kes: 1000 })

describe("planMpesaRefund", () => {
  it.each<[string, Parameters<typeof planMpesaRefund>[0], ReturnType<typeof planMpesaRefund>]>([
    ["no amount: the whole payment by reversal", { paidKes: 1000, earlier: [], b2cConfigured: false }, { ok: true, method: "reversal", amountKes: 1000 }],
    ["the exact amount: reversal", { paidKes: 1000, requestedKes: 1000, earlier: [], b2cConfigured: true }, { ok: true, method: "reversal", amountKes: 1000 }],
    ["partial with B2C: payout", { paidKes: 1000, requestedKes: 300, earlier: [], b2cConfigured: true }, { ok: true, method: "b2c", amountKes: 300 }],
    ["the rest after a payout: B2C, not reversal", { paidKes: 1000, earlier: [b2c("paid_out", 300)], b2cConfigured: true }, { ok: true, method: "b2c", amountKes: 700 }],
    ["a failed reversal does not block a new one", { paidKes: 1000, earlier: [rev("failed")], b2cConfigured: false }, { ok: true, method: "reversal", amountKes: 1000 }],
    ["a failed payout is not counted", { paidKes: 1000, requestedKes: 1000, earlier: [b2c("failed", 300)], b2cConfigured: false }, { ok: true, method: "reversal", amountKes: 1000 }],
    ["what was paid out is counted", { paidKes: 1000, requestedKes: 800, earlier: [b2c("paid_out", 300)], b2cConfigured: true }, { ok: false, reason: "Only KES 700 of this payment (KES 1000) is left to refund; KES 800 was asked" }],
  ])("%s", (_name, input, expected) => {
    expect(planMpesaRefund(input)).toEqual(expected)
  })

  it.each<[string, Parameters<typeof planMpesaRefund>[0], RegExp]>([
    ["partial without B2C", { paidKes: 1000, requestedKes: 1, earlier: [], b2cConfigured: false }, /full payment \(KES 1000\) only; a partial refund of KES 1 is paid by B2C, which is not configured.*b2cShortcode/],
    ["more than paid", { paidKes: 1000, requestedKes: 1001, earlier: [], b2cConfigured: true }, /cannot be more than the payment \(KES 1000\); KES 1001/],
    ["already reversed", { paidKes: 1000, earlier: [rev("reversed")], b2cConfigured: true }, /already been reversed/],
    ["reversal pending", { paidKes: 1000, earlier: [rev("pending")], b2cConfigured: true }, /A reversal of this payment is already waiting/],
    ["reversal being confirmed", { paidKes: 1000, earlier: [rev("confirming")], b2cConfigured: true }, /already waiting/],
    ["reversal with no answer blocks a B2C partial", { paidKes: 1000, requestedKes: 100, earlier: [rev("unknown")], b2cConfigured: true }, /no answer from Safaricom; no new refund until its Transaction Status/],
    ["a request recorded but not answered", { paidKes: 1000, earlier: [rev("requested")], b2cConfigured: true }, /no answer/],
    ["a pending payout blocks the next", { paidKes: 1000, requestedKes: 100, earlier: [b2c("pending", 300)], b2cConfigured: true }, /B2C refund of KES 300 of this payment is already waiting/],
    ["everything paid out", { paidKes: 1000, earlier: [b2c("paid_out", 600), b2c("paid_out", 400)], b2cConfigured: true }, /refunded in full/],
    ["not whole", { paidKes: 1000, requestedKes: 2.5, earlier: [], b2cConfigured: true }, /whole number of KES from 1 to 1000; got 2.5/],
    ["zero", { paidKes: 1000, requestedKes: 0, earlier: [], b2cConfigured: true }, /whole number/],
  ])("refuses: %s", (_name, input, reason) => {
    const plan = planMpesaRefund(input)
    expect(plan.ok).toBe(false)
    expect(plan.ok === false && plan.reason).toMatch(reason)
  })
})
