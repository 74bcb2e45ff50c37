import { parseOrderRulesOptions } from "../modules/order-rules/options"

describe("parseOrderRulesOptions", () => {
  it("applies the defaults", () => {
    const options = parseOrderRulesOptions(undefined)
    expect(options.autoCancelUnpaid).toEqual({ enabled: true, afterMinutes: 60, keepAuthorized: false, batchSize: 100 })
    expect(options.autoCompleteDelivered).toEqual({ enabled: true, afterDays: 7, batchSize: 100 })
    expect(options.tracking).toEqual({ maxAttempts: 10, windowSeconds: 900 })
    expect(options.ruleSet.initial).toBe("awaiting_payment")
  })

  it("ignores keys Medusa adds for modules", () => {
    expect(() => parseOrderRulesOptions({ database: { clientUrl: "postgres://x" } })).not.toThrow()
  })

  it("merges custom states and transitions into the default rules", () => {
    const options = parseOrderRulesOptions({
      rules: {
        states: [{ id: "on_hold", label: "On hold" }],
        transitions: [
          { from: "paid", to: "on_hold", actors: ["admin"], requiresReason: true },
          { from: "on_hold", to: "processing", actors: ["admin"] },
        ],
      },
      autoCancelUnpaid: { afterMinutes: 30 },
    })
    expect(options.ruleSet.states.map((s) => s.id)).toContain("on_hold")
    expect(options.autoCancelUnpaid.afterMinutes).toBe(30)
    expect(options.autoCancelUnpaid.enabled).toBe(true)
  })

  it.each([
    [
      "a custom state nothing leads to",
      { rules: { states: [{ id: "limbo", label: "Limbo" }], transitions: [{ from: "limbo", to: "cancelled", actors: ["admin"] }] } },
      /rules: state "limbo" cannot be reached from "awaiting_payment"/,
    ],
    [
      "a custom non-final state with no way out",
      { rules: { states: [{ id: "on_hold", label: "On hold" }], transitions: [{ from: "paid", to: "on_hold", actors: ["admin"] }] } },
      /rules: state "on_hold" is a dead end: mark it final or add a transition out of it/,
    ],
    ["an unknown actor", { rules: { transitions: [{ from: "paid", to: "processing", actors: ["robot"] }] } }, /unknown actor "robot"/],
    ["a misspelt option", { autoCancelUnpaid: { afterMinute: 5 } }, /autoCancelUnpaid/],
    ["a non-positive delay", { autoCancelUnpaid: { afterMinutes: 0 } }, /autoCancelUnpaid\.afterMinutes/],
  ])("rejects %s with a message naming the problem", (_name, options, message) => {
    expect(() => parseOrderRulesOptions(options)).toThrow(message)
  })
})
