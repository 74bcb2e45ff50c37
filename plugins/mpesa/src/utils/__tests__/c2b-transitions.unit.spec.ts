import { C2B_CONFIRMED_STATES, C2B_EVENTS, C2B_STATES, nextC2bState, type C2bEvent, type C2bState } from "../c2b-transitions"

const label = (e: C2bEvent) => (e.type === "matched" ? `matched:${e.decision}` : e.type)
const EVENT_NAMES = C2B_EVENTS.map(label)

// Every state × every event: next state, "review:<flag>", or "=" (unchanged).
const same = (): Record<string, string> => Object.fromEntries(EVENT_NAMES.map((n) => [n, "="]))
const TABLE: Record<C2bState, Record<string, string>> = {
  received: {
    ...same(),
    validation_rejected: "declined",
    confirmed: "confirmed",
    confirmation_mismatch: "review:confirmation_mismatch",
    not_found: "rejected",
    unresolved: "review:unresolved",
  },
  declined: {
    ...same(),
    confirmation_received: "received",
    confirmed: "confirmed",
    confirmation_mismatch: "review:confirmation_mismatch",
  },
  confirmed: {
    ...same(),
    "matched:exact": "captured",
    "matched:short": "partial",
    "matched:over": "over",
    "matched:already_paid": "review:already_paid",
    "matched:ambiguous": "review:ambiguous",
    "matched:unknown": "unmatched",
  },
  captured: { ...same(), capture_overtaken: "review:capture_overtaken" },
  partial: { ...same(), capture_overtaken: "review:capture_overtaken" },
  over: { ...same(), capture_overtaken: "review:capture_overtaken" },
  unmatched: { ...same(), merchant_attached: "captured", merchant_refunded: "refunded" },
  review: { ...same(), merchant_attached: "captured", merchant_refunded: "refunded" },
  refunded: same(),
  rejected: { ...same(), confirmed: "review:confirmed_after_rejection", confirmation_mismatch: "review:confirmed_after_rejection" },
}

const cases = C2B_STATES.flatMap((state) => C2B_EVENTS.map((event) => [state, label(event), event] as const))

describe("nextC2bState: every state × every event", () => {
  it("the table covers every pair and nothing else", () => {
    expect(cases).toHaveLength(10 * 16)
    for (const state of C2B_STATES) {
      expect(Object.keys(TABLE[state]).sort()).toEqual([...EVENT_NAMES].sort())
    }
  })

  it.each(cases)("%s + %s", (state, name, event) => {
    const expected = TABLE[state][name]
    const result = nextC2bState(state, event)
    if (expected === "=") {
      expect(result).toEqual({ state, changed: false })
    } else {
      const [next, flag] = expected.split(":")
      expect(result).toEqual({ state: next, changed: true, ...(flag ? { flag } : {}) })
    }
  })

  it("never downgrades confirmed money to unconfirmed, declined or rejected", () => {
    for (const state of C2B_CONFIRMED_STATES) {
      for (const event of C2B_EVENTS) {
        expect(C2B_CONFIRMED_STATES).toContain(nextC2bState(state, event).state)
      }
    }
  })

  it("captures only confirmed money the matcher named, or what the merchant attached", () => {
    for (const state of C2B_STATES) {
      for (const event of C2B_EVENTS) {
        const next = nextC2bState(state, event)
        if (next.changed && ["captured", "partial", "over"].includes(next.state)) {
          const byMatcher = state === "confirmed" && event.type === "matched"
          const byMerchant = (state === "review" || state === "unmatched") && event.type === "merchant_attached"
          expect(byMatcher || byMerchant).toBe(true)
        }
      }
    }
  })

  it("an unknown confirmation outcome changes nothing anywhere", () => {
    for (const state of C2B_STATES) {
      expect(nextC2bState(state, { type: "confirmation_unknown" }).changed).toBe(false)
    }
  })

  it("money that arrived never leaves review or unmatched except by the merchant", () => {
    for (const state of ["review", "unmatched"] as const) {
      for (const event of C2B_EVENTS) {
        expect(nextC2bState(state, event).changed).toBe(event.type === "merchant_attached" || event.type === "merchant_refunded")
      }
    }
  })
})
