import {
  nextRefundState,
  REFUND_EVENTS,
  REFUND_STATES,
  UNSETTLED_REFUND_STATES,
  type RefundMethod,
  type RefundState,
} from "../refund-transitions"

// Every state × every event for a reversal ("done" reads "reversed"; for B2C "paid_out").
const TABLE: Record<RefundState, Record<string, RefundState | "=" | "done">> = {
  requested: {
    accepted: "pending",
    refused: "failed",
    no_answer: "unknown",
    result_received: "confirming",
    status_completed: "done",
    status_not_found: "failed",
    merchant_found_nothing: "failed",
  },
  pending: { accepted: "=", refused: "=", no_answer: "=", result_received: "confirming", status_completed: "done", status_not_found: "=", merchant_found_nothing: "=" },
  unknown: { accepted: "=", refused: "=", no_answer: "=", result_received: "confirming", status_completed: "done", status_not_found: "failed", merchant_found_nothing: "failed" },
  confirming: { accepted: "=", refused: "=", no_answer: "=", result_received: "=", status_completed: "done", status_not_found: "failed", merchant_found_nothing: "=" },
  reversed: { accepted: "=", refused: "=", no_answer: "=", result_received: "=", status_completed: "=", status_not_found: "=", merchant_found_nothing: "=" },
  paid_out: { accepted: "=", refused: "=", no_answer: "=", result_received: "=", status_completed: "=", status_not_found: "=", merchant_found_nothing: "=" },
  failed: { accepted: "=", refused: "=", no_answer: "=", result_received: "=", status_completed: "=", status_not_found: "=", merchant_found_nothing: "=" },
}

const methods: RefundMethod[] = ["reversal", "b2c"]
const cases = methods.flatMap((method) =>
  REFUND_STATES.flatMap((state) => REFUND_EVENTS.map((event) => [method, state, event.type, event] as const))
)

describe("nextRefundState: every method × state × event", () => {
  it("the table covers every pair", () => {
    expect(cases).toHaveLength(2 * REFUND_STATES.length * REFUND_EVENTS.length)
  })

  it.each(cases)("%s: %s + %s", (method, state, name, event) => {
    const expected = TABLE[state][name]
    const result = nextRefundState(state, method, event)
    if (expected === "=") {
      expect(result).toEqual({ state, changed: false })
    } else {
      const next = expected === "done" ? (method === "b2c" ? "paid_out" : "reversed") : expected
      expect(result).toEqual({ state: next, changed: true })
    }
  })

  it("only a Transaction Status answer settles a refund as done", () => {
    for (const method of methods) {
      for (const state of REFUND_STATES) {
        for (const event of REFUND_EVENTS.filter((e) => e.type !== "status_completed")) {
          expect(["reversed", "paid_out"]).not.toContain(
            nextRefundState(state, method, event).changed ? nextRefundState(state, method, event).state : "x"
          )
        }
      }
    }
  })

  it("unsettled states are exactly those that can still change", () => {
    const canChange = REFUND_STATES.filter((s) => REFUND_EVENTS.some((e) => nextRefundState(s, "reversal", e).changed))
    expect(canChange.sort()).toEqual([...UNSETTLED_REFUND_STATES].sort())
  })
})
