import type { C2bDecision } from "../c2b-match"
import { c2bValidationAnswer } from "../c2b-validation"

const exact: C2bDecision = { decision: "exact", order_id: "order_1", amount_kes: 100, outstanding_kes: 100 }
const short: C2bDecision = { decision: "short", order_id: "order_1", amount_kes: 50, outstanding_kes: 100, balance_kes: 50 }
const over: C2bDecision = { decision: "over", order_id: "order_1", amount_kes: 150, outstanding_kes: 100, excess_kes: 50 }
const paid: C2bDecision = { decision: "already_paid", order_id: "order_1", amount_kes: 100 }
const ambiguous: C2bDecision = { decision: "ambiguous", order_ids: ["a", "b"], amount_kes: 100, reason: "two" }
const unknown: C2bDecision = { decision: "unknown", amount_kes: 100, reason: "none", order_ids: [] }

const input = (decision: C2bDecision, patch = {}) => ({ enabled: true, shortcodeOk: true, amountOk: true, decision, ...patch })

describe("c2bValidationAnswer", () => {
  it.each<[string, ReturnType<typeof input>, "paybill" | "till", string]>([
    ["off: anything goes", input(unknown, { enabled: false, amountOk: false }), "paybill", "0"],
    ["exact", input(exact), "paybill", "0"],
    ["short", input(short), "paybill", "C2B00013"],
    ["over", input(over), "paybill", "C2B00013"],
    ["already paid", input(paid), "paybill", "C2B00012"],
    ["ambiguous is real money a person can place", input(ambiguous), "paybill", "0"],
    ["unknown account", input(unknown), "paybill", "C2B00012"],
    ["wrong shortcode", input(exact, { shortcodeOk: false }), "paybill", "C2B00015"],
    ["fractional amount", input(exact, { amountOk: false }), "paybill", "C2B00013"],
    ["till naming no order", input(unknown), "till", "0"],
    ["till with a fractional amount", input(unknown, { amountOk: false }), "till", "C2B00013"],
  ])("%s → %s", (_name, given, kind, code) => {
    expect(c2bValidationAnswer(given, kind).ResultCode).toBe(code)
  })
})
