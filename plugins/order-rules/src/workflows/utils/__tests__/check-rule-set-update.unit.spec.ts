import { DEFAULT_RULE_SET } from "../../../rules"
import { checkRuleSetUpdate } from "../check-rule-set-update"

const withOnHold = {
  ...DEFAULT_RULE_SET,
  states: [...DEFAULT_RULE_SET.states, { id: "on_hold", label: "On hold" }],
  transitions: [
    ...DEFAULT_RULE_SET.transitions,
    { from: "paid", to: "on_hold", actors: ["admin"] },
    { from: "on_hold", to: "processing", actors: ["admin"] },
  ],
}

describe("checkRuleSetUpdate", () => {
  it("accepts a valid rule set", () => {
    expect(checkRuleSetUpdate(withOnHold, { paid: 3 })).toEqual({ ok: true, rule_set: withOnHold })
  })

  it("refuses to drop a state orders are in", () => {
    expect(checkRuleSetUpdate(DEFAULT_RULE_SET, { on_hold: 2, paid: 1 })).toEqual({
      ok: false,
      errors: ['state "on_hold" cannot be removed: 2 order(s) are in it'],
    })
  })

  it("reports graph problems before anything else", () => {
    const deadEnd = { ...withOnHold, transitions: withOnHold.transitions.filter((t) => t.from !== "on_hold") }
    const result = checkRuleSetUpdate(deadEnd, {})
    expect(result).toEqual({ ok: false, errors: [expect.stringMatching(/state "on_hold" is a dead end/)] })
  })

  it("rejects something that is not a rule set", () => {
    const result = checkRuleSetUpdate({ states: "x" }, {})
    expect(result.ok).toBe(false)
  })
})
