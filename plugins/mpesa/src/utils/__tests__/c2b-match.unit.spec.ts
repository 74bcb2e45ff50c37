import { matchC2bPayment, TILL_CLOCK_SKEW_MS, type C2bCandidate, type C2bDecision, type C2bPaymentFacts, type C2bMatchRules } from "../c2b-match"

const T = new Date("2026-12-05T09:00:00Z")
const minutes = (m: number) => new Date(T.getTime() + m * 60_000)
const PHONE = { prefix: "2547", suffix: "126" }
const OTHER_PHONE = { prefix: "2547", suffix: "999" }
const RULES: C2bMatchRules = { accountFormat: "both", tillWindowMinutes: 60 }

const order = (id: string, patch: Partial<C2bCandidate> = {}): C2bCandidate => ({
  order_id: id,
  display_id: id.replace(/\D/g, "") || "1",
  short_code: `K7M2Q${id.slice(-1).toUpperCase()}`,
  total_kes: 1500,
  outstanding_kes: 1500,
  currency_code: "kes",
  phone: PHONE,
  created_at: minutes(-10),
  paid: false,
  ...patch,
})

const paybill = (value: string, amount = 1500, kind: "display_id" | "short_code" = "display_id"): C2bPaymentFacts => ({
  kind: "paybill",
  account: { kind, value },
  amount_kes: amount,
  phone: PHONE,
  trans_time: T,
})

const till = (amount = 1500, patch: Partial<C2bPaymentFacts> = {}): C2bPaymentFacts => ({
  kind: "till",
  account: null,
  amount_kes: amount,
  phone: PHONE,
  trans_time: T,
  ...patch,
})

type Row = [string, C2bPaymentFacts, C2bCandidate[], Partial<C2bDecision>, C2bMatchRules?]

describe("matchC2bPayment: paybill", () => {
  it.each<Row>([
    ["exact by display id", paybill("1042"), [order("o1042"), order("o7")], { decision: "exact", order_id: "o1042", amount_kes: 1500, outstanding_kes: 1500 }],
    ["exact by short code", paybill("K7M2QA", 1500, "short_code"), [order("oa"), order("ob")], { decision: "exact", order_id: "oa" }],
    ["display id stored with leading zeros", paybill("1042"), [order("x", { display_id: "001042" })], { decision: "exact", order_id: "x" }],
    ["short code stored in lower case", paybill("K7M2QA", 1500, "short_code"), [order("x", { short_code: "k7m2qa" })], { decision: "exact", order_id: "x" }],
    ["short: balance remains", paybill("1042", 1000), [order("o1042")], { decision: "short", order_id: "o1042", amount_kes: 1000, outstanding_kes: 1500, balance_kes: 500 }],
    ["short against what is still outstanding", paybill("1042", 500), [order("o1042", { outstanding_kes: 500 })], { decision: "exact", order_id: "o1042", outstanding_kes: 500 }],
    ["over: excess offered back", paybill("1042", 2000), [order("o1042")], { decision: "over", order_id: "o1042", amount_kes: 2000, outstanding_kes: 1500, excess_kes: 500 }],
    ["already paid (flag)", paybill("1042"), [order("o1042", { paid: true, outstanding_kes: 0 })], { decision: "already_paid", order_id: "o1042", amount_kes: 1500 }],
    ["already paid (nothing outstanding)", paybill("1042"), [order("o1042", { outstanding_kes: 0 })], { decision: "already_paid", order_id: "o1042" }],
    ["paid flag wins over an outstanding amount", paybill("1042"), [order("o1042", { paid: true })], { decision: "already_paid", order_id: "o1042" }],
    ["two orders with one short code", paybill("K7M2QA", 1500, "short_code"), [order("oa"), order("xa")], { decision: "ambiguous", order_ids: ["oa", "xa"] }],
    ["no such order", paybill("9999"), [order("o1042")], { decision: "unknown", order_ids: [], reason: expect.stringMatching(/No order has the reference/) }],
    ["no candidates at all", paybill("1042"), [], { decision: "unknown", order_ids: [] }],
    ["unreadable account", { ...paybill("1"), account: null }, [order("o1")], { decision: "unknown", reason: expect.stringMatching(/not an order reference/) }],
    ["the order is not in KES", paybill("1042"), [order("o1042", { currency_code: "usd" })], { decision: "unknown", order_ids: ["o1042"], reason: expect.stringMatching(/not priced in KES/) }],
    ["a KES and a USD order share a code: the KES one", paybill("K7M2QA", 1500, "short_code"), [order("oa"), order("xa", { currency_code: "USD" })], { decision: "exact", order_id: "oa" }],
    ["phone and time do not matter for a paybill", { ...paybill("1042"), phone: null, trans_time: minutes(100000) }, [order("o1042", { phone: OTHER_PHONE })], { decision: "exact", order_id: "o1042" }],
    ["display id where only short codes are taken", paybill("1042"), [order("o1042")], { decision: "unknown", order_ids: [] }, { ...RULES, accountFormat: "short_code" }],
    ["short code where only display ids are taken", paybill("K7M2QA", 1500, "short_code"), [order("oa")], { decision: "unknown" }, { ...RULES, accountFormat: "display_id" }],
  ])("%s", (_name, payment, candidates, expected, rules = RULES) => {
    expect(matchC2bPayment(payment, candidates, rules)).toMatchObject(expected)
  })
})

describe("matchC2bPayment: till", () => {
  it.each<Row>([
    ["exact: same amount, phone, within the window", till(), [order("o1"), order("o2", { outstanding_kes: 900, total_kes: 900 })], { decision: "exact", order_id: "o1", outstanding_kes: 1500 }],
    ["at the window's start", till(), [order("o1", { created_at: minutes(-60) })], { decision: "exact", order_id: "o1" }],
    ["placed before the window", till(), [order("o1", { created_at: minutes(-61) })], { decision: "unknown", order_ids: [] }],
    ["a wider window reaches it", till(), [order("o1", { created_at: minutes(-61) })], { decision: "exact", order_id: "o1" }, { ...RULES, tillWindowMinutes: 120 }],
    ["placed just after the payment (clocks)", till(), [order("o1", { created_at: new Date(T.getTime() + TILL_CLOCK_SKEW_MS) })], { decision: "exact", order_id: "o1" }],
    ["placed well after the payment", till(), [order("o1", { created_at: new Date(T.getTime() + TILL_CLOCK_SKEW_MS + 1) })], { decision: "unknown" }],
    ["another phone", till(), [order("o1", { phone: OTHER_PHONE })], { decision: "unknown", order_ids: [], reason: expect.stringMatching(/from this phone/) }],
    ["the order's phone is unknown", till(), [order("o1", { phone: null })], { decision: "unknown", order_ids: [] }],
    ["another amount from the same phone: for a person", till(1000), [order("o1")], { decision: "unknown", order_ids: ["o1"], reason: expect.stringMatching(/exactly this amount/) }],
    ["two orders, same phone and amount", till(), [order("o1"), order("o2")], { decision: "ambiguous", order_ids: ["o1", "o2"] }],
    ["two orders, one from another phone", till(), [order("o1"), order("o2", { phone: OTHER_PHONE })], { decision: "exact", order_id: "o1" }],
    ["a second payment of a paid order", till(), [order("o1", { paid: true, outstanding_kes: 0 })], { decision: "already_paid", order_id: "o1", amount_kes: 1500 }],
    ["a paid order of another amount is not named", till(900), [order("o1", { paid: true, outstanding_kes: 0 })], { decision: "unknown", order_ids: [] }],
    ["two paid orders could be paid twice", till(), [order("o1", { paid: true, outstanding_kes: 0 }), order("o2", { paid: true, outstanding_kes: 0 })], { decision: "ambiguous", order_ids: ["o1", "o2"] }],
    ["an open order wins over a paid one", till(), [order("o1", { paid: true, outstanding_kes: 0 }), order("o2")], { decision: "exact", order_id: "o2" }],
    ["no phone digits: never captured", till(1500, { phone: null }), [order("o1")], { decision: "ambiguous", order_ids: ["o1"], reason: expect.stringMatching(/no phone digits/) }],
    ["no phone digits and nothing of that amount", till(700, { phone: null }), [order("o1")], { decision: "unknown", order_ids: [] }],
    ["not in KES", till(), [order("o1", { currency_code: "USD" })], { decision: "unknown" }],
    ["a till payment's account is ignored", till(1500, { account: { kind: "display_id", value: "42" } }), [order("o1")], { decision: "exact", order_id: "o1" }],
  ])("%s", (_name, payment, candidates, expected, rules = RULES) => {
    expect(matchC2bPayment(payment, candidates, rules)).toMatchObject(expected)
  })
})
