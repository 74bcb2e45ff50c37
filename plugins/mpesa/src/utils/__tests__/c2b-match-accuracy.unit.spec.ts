import { normalizeAccountRef, orderShortCode } from "../c2b-account"
import { CAPTURING_DECISIONS, matchC2bPayment, TILL_CLOCK_SKEW_MS, type C2bCandidate, type C2bDecisionKind, type C2bPaymentFacts } from "../c2b-match"
import { sameVisiblePhone, visiblePhoneDigits, type VisibleDigits } from "../c2b-phone"

/**
 * Matching accuracy over generated payments with known ground truth, from
 * the raw BillRefNumber and MSISDN a shopper's phone produces through
 * normalisation to the decision. A case is "ambiguous" when the facts a
 * payment carries fit more than one order (a till payment from a phone with
 * two identical open orders, or with no phone digits): those must never be
 * captured. Every other case must be decided exactly as intended.
 */

// mulberry32: a small seeded generator, so a failure reproduces.
function rng(seed: number) {
  let a = seed
  return () => {
    a = (a + 0x6d2b79f5) | 0
    let t = Math.imul(a ^ (a >>> 15), 1 | a)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

const random = rng(20261205)
const int = (min: number, max: number) => min + Math.floor(random() * (max - min + 1))
const pick = <T>(items: T[]): T => items[Math.floor(random() * items.length)]

const NOW = new Date("2026-12-05T12:00:00Z").getTime()
const WINDOW_MIN = 60
const RULES = { accountFormat: "both" as const, tillWindowMinutes: WINDOW_MIN }

const randomPhone = (): string => `254${pick(["7", "1"])}${String(int(0, 99_999_999)).padStart(8, "0")}`
const maskDaraja = (msisdn: string) => `${msisdn.slice(0, 4)} ***** ${msisdn.slice(-3)}`

type Order = C2bCandidate & { msisdn: string }

function makeOrders(): Order[] {
  const orders: Order[] = []
  for (let i = 0; i < 400; i++) {
    const total = int(50, 20_000)
    const paid = random() < 0.2
    const msisdn = randomPhone()
    const id = `order_${i.toString(36)}_${int(0, 1e9).toString(36)}`
    orders.push({
      order_id: id,
      display_id: 1000 + i,
      short_code: orderShortCode(id),
      total_kes: total,
      outstanding_kes: paid ? 0 : total,
      currency_code: random() < 0.95 ? "kes" : "usd",
      phone: visiblePhoneDigits(msisdn),
      msisdn,
      created_at: new Date(NOW - int(0, 48 * 60) * 60_000),
      paid,
    })
  }
  // Twins: a second open order from the same phone, same amount, minutes later (a shopper who checked out twice).
  for (const original of orders.filter((o) => !o.paid && o.currency_code === "kes").slice(0, 20)) {
    const id = `${original.order_id}_twin`
    orders.push({ ...original, order_id: id, display_id: 1000 + orders.length, short_code: orderShortCode(id), created_at: new Date(original.created_at.getTime() + int(1, 10) * 60_000) })
  }
  return orders
}

// How shoppers type a reference on the phone: case, "#", spaces, dashes, leading zeros, an "Order" prefix.
function typed(ref: string): string {
  let text = random() < 0.5 ? ref.toLowerCase() : ref
  if (/^\d+$/.test(text) && random() < 0.3) {
    text = `00${text}`
  }
  if (random() < 0.3) {
    text = `${text.slice(0, 3)}${pick([" ", "-", " - "])}${text.slice(3)}`
  }
  return `${pick(["", "", "#", "# ", "Order ", "ORDER NO. "])}${text}${pick(["", "", " "])}`
}

type Case = { payment: C2bPaymentFacts; intended: { decision: C2bDecisionKind; order_id?: string } | "ambiguous" }

const open = (o: Order) => !o.paid && o.currency_code === "kes"
const inWindow = (o: Order, at: number) => o.created_at.getTime() >= at - WINDOW_MIN * 60_000 && o.created_at.getTime() <= at + TILL_CLOCK_SKEW_MS

function paybillCase(orders: Order[]): Case {
  const kes = orders.filter((o) => o.currency_code === "kes")
  const scenario = pick(["exact", "exact", "short", "over", "paid", "unknown", "garbage"] as const)
  const target = scenario === "paid" ? pick(kes.filter((o) => o.paid)) : pick(kes.filter((o) => !o.paid))
  const ref = random() < 0.5 ? String(target.display_id) : target.short_code
  const amount = { exact: target.outstanding_kes, short: int(1, target.outstanding_kes - 1), over: target.outstanding_kes + int(1, 500) }[
    scenario as "exact" | "short" | "over"
  ] ?? target.total_kes
  const raw = scenario === "unknown" ? typed(String(int(5000, 9999))) : scenario === "garbage" ? pick(["", "pay", "0712345678x", "@@@"]) : typed(ref)
  const account = normalizeAccountRef(raw, "both")
  const payment: C2bPaymentFacts = {
    kind: "paybill",
    account: account.ok ? { kind: account.kind, value: account.value } : null,
    amount_kes: amount,
    phone: visiblePhoneDigits(maskDaraja(target.msisdn)),
    trans_time: new Date(NOW),
  }
  if (scenario === "unknown" || scenario === "garbage") {
    return { payment, intended: { decision: "unknown" } }
  }
  const decision = scenario === "paid" ? "already_paid" : scenario
  return { payment, intended: { decision, order_id: target.order_id } }
}

function tillCase(orders: Order[]): Case {
  const scenario = pick(["exact", "exact", "exact", "paid", "stranger", "hashed"] as const)
  const target = scenario === "paid" ? pick(orders.filter((o) => o.paid && o.currency_code === "kes")) : pick(orders.filter(open))
  const at = target.created_at.getTime() + int(0, WINDOW_MIN - 1) * 60_000
  const msisdn = scenario === "stranger" ? randomPhone() : target.msisdn
  const payment: C2bPaymentFacts = {
    kind: "till",
    account: null,
    amount_kes: target.total_kes,
    phone: scenario === "hashed" ? visiblePhoneDigits("9f8e7d6c5b4a39281706f5e4d3c2b1a0") : visiblePhoneDigits(maskDaraja(msisdn)),
    trans_time: new Date(at),
  }
  const fits = (o: Order, phone: VisibleDigits | null) =>
    o.currency_code === "kes" && inWindow(o, at) && sameVisiblePhone(o.phone, phone) && o.total_kes === payment.amount_kes
  const openFits = orders.filter((o) => !o.paid && fits(o, payment.phone))
  const paidFits = orders.filter((o) => o.paid && fits(o, payment.phone))
  if (scenario === "hashed" || openFits.length > 1 || (openFits.length === 0 && paidFits.length > 1)) {
    return { payment, intended: "ambiguous" }
  }
  if (openFits.length === 1) {
    // A stranger whose visible digits happen to equal an order's is indistinguishable from its shopper.
    return { payment, intended: { decision: "exact", order_id: openFits[0].order_id } }
  }
  if (paidFits.length === 1) {
    return { payment, intended: { decision: "already_paid", order_id: paidFits[0].order_id } }
  }
  return { payment, intended: { decision: "unknown" } }
}

describe("matchC2bPayment: accuracy over 1,000 generated payments", () => {
  const orders = makeOrders()
  const cases = Array.from({ length: 1000 }, (_, i) => (i % 5 < 3 ? paybillCase(orders) : tillCase(orders)))
  const results = cases.map((c) => ({ ...c, got: matchC2bPayment(c.payment, orders, RULES) }))
  const clear = results.filter((r) => r.intended !== "ambiguous")
  const ambiguous = results.filter((r) => r.intended === "ambiguous")

  it("covers every decision and both kinds", () => {
    const decisions = new Set(results.map((r) => r.got.decision))
    expect([...decisions].sort()).toEqual(["already_paid", "ambiguous", "exact", "over", "short", "unknown"])
    expect(ambiguous.length).toBeGreaterThan(20)
    expect(clear.filter((r) => r.payment.kind === "till" && r.got.decision === "exact").length).toBeGreaterThan(50)
  })

  it("decides every unambiguous payment as intended (100%)", () => {
    const wrong = clear.filter((r) => {
      const intended = r.intended as { decision: C2bDecisionKind; order_id?: string }
      const orderId = "order_id" in r.got ? r.got.order_id : undefined
      return r.got.decision !== intended.decision || (intended.order_id !== undefined && orderId !== intended.order_id)
    })
    const rate = ((clear.length - wrong.length) / clear.length) * 100
    console.log(
      `C2B matching accuracy: ${clear.length - wrong.length}/${clear.length} unambiguous payments decided as intended (${rate.toFixed(1)}%); ` +
        `${ambiguous.length} ambiguous, ${ambiguous.filter((r) => CAPTURING_DECISIONS.includes(r.got.decision)).length} of them captured`
    )
    expect(wrong.map((r) => ({ intended: r.intended, got: r.got }))).toEqual([])
  })

  it("never captures an ambiguous payment", () => {
    const captured = ambiguous.filter((r) => CAPTURING_DECISIONS.includes(r.got.decision))
    expect(captured.map((r) => r.got)).toEqual([])
  })
})
