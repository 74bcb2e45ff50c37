import { nextStkState, reviewActionAllowed, STK_EVENTS, STK_STATES, type StkEvent, type StkState } from "../stk-request-transitions"

const label = (e: StkEvent) => (e.type === "confirmed_unpaid" ? `confirmed_unpaid:${e.outcome}` : e.type)

// Every state × every event: [next state, flag] ("=" means unchanged).
const TABLE: Record<StkState, Record<string, string>> = {
  pending: {
    confirmed_paid: "paid",
    "confirmed_unpaid:failed": "failed",
    "confirmed_unpaid:cancelled": "cancelled",
    "confirmed_unpaid:expired": "expired",
    still_open: "=",
    query_error: "=",
    callback_disagrees: "review:query_disagrees",
    amount_mismatch: "review:amount_mismatch",
    session_closed: "review:paid_after_session_closed",
    second_payment: "review:second_payment",
    unresolved: "review:unresolved",
    review_attached: "=",
    review_refunded: "=",
  },
  paid: {
    confirmed_paid: "=",
    "confirmed_unpaid:failed": "=",
    "confirmed_unpaid:cancelled": "=",
    "confirmed_unpaid:expired": "=",
    still_open: "=",
    query_error: "=",
    callback_disagrees: "=",
    amount_mismatch: "=",
    session_closed: "review:paid_after_session_closed",
    second_payment: "review:second_payment",
    unresolved: "=",
    review_attached: "=",
    review_refunded: "=",
  },
  failed: {},
  cancelled: {},
  expired: {},
  review: {},
  refunded: {},
}
for (const settled of ["failed", "cancelled", "expired"] as const) {
  TABLE[settled] = Object.fromEntries(STK_EVENTS.map((e) => [label(e), "="]))
  for (const paidEvent of ["confirmed_paid", "session_closed", "second_payment"]) {
    TABLE[settled][paidEvent] = `review:paid_after_${settled}`
  }
}
TABLE.review = Object.fromEntries(STK_EVENTS.map((e) => [label(e), "="]))
// Only the merchant moves a request out of review.
TABLE.review.review_attached = "paid"
TABLE.review.review_refunded = "refunded"
TABLE.refunded = Object.fromEntries(STK_EVENTS.map((e) => [label(e), "="]))

const cases = STK_STATES.flatMap((state) => STK_EVENTS.map((event) => [state, label(event), event] as const))

describe("nextStkState: every state × every event", () => {
  it("the table covers every pair", () => {
    expect(cases).toHaveLength(STK_STATES.length * STK_EVENTS.length)
    for (const [state, name] of cases) {
      expect(TABLE[state][name]).toBeDefined()
    }
  })

  it.each(cases)("%s + %s", (state, name, event) => {
    const expected = TABLE[state][name]
    const result = nextStkState(state, event)
    if (expected === "=") {
      expect(result).toEqual({ state, changed: false })
    } else {
      const [next, flag] = expected.split(":")
      expect(result).toEqual({ state: next, changed: true, ...(flag ? { flag } : {}) })
    }
  })

  it("never turns a paid request into an unpaid one", () => {
    for (const event of STK_EVENTS) {
      expect(["paid", "review"]).toContain(nextStkState("paid", event).state)
    }
  })

  it("money that arrived never leaves review except by the merchant's attach or refund", () => {
    for (const event of STK_EVENTS) {
      const next = nextStkState("review", event)
      expect(next.changed).toBe(event.type === "review_attached" || event.type === "review_refunded")
    }
  })
})

describe("reviewActionAllowed", () => {
  // [state, action, allowed]: attach only from review; refund from review, or again once sent back (a failed reversal).
  const cases: [StkState, "review_attached" | "review_refunded", boolean][] = STK_STATES.flatMap((state) => [
    [state, "review_attached", state === "review"] as [StkState, "review_attached", boolean],
    [state, "review_refunded", state === "review" || state === "refunded"] as [StkState, "review_refunded", boolean],
  ])
  it.each(cases)("%s + %s → %s", (state, type, allowed) => {
    expect(reviewActionAllowed(state, { type })).toBe(allowed)
  })
})
