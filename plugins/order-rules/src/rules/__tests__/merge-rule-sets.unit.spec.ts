import { DEFAULT_RULE_SET } from "../default-rules"
import { evaluateTransition } from "../evaluate-transition"
import { mergeRuleSets } from "../merge-rule-sets"
import { PAID, facts } from "./fixtures"

const onHold = { id: "on_hold", label: "On hold" }

describe("mergeRuleSets", () => {
  it("returns the base unchanged for an empty or missing patch", () => {
    expect(mergeRuleSets(DEFAULT_RULE_SET, {})).toEqual({
      ok: true,
      ruleSet: DEFAULT_RULE_SET,
    })
    expect(mergeRuleSets(DEFAULT_RULE_SET, undefined)).toEqual({
      ok: true,
      ruleSet: DEFAULT_RULE_SET,
    })
  })

  it("adds a custom state with transitions in and out", () => {
    const result = mergeRuleSets(DEFAULT_RULE_SET, {
      states: [onHold],
      transitions: [
        { from: "paid", to: "on_hold", actors: ["admin"], requiresReason: true },
        { from: "on_hold", to: "processing", actors: ["admin"], guards: ["payment_captured"] },
        { from: "on_hold", to: "cancelled", actors: ["admin"] },
      ],
    })
    expect(result.ok).toBe(true)
    if (!result.ok) {
      return
    }
    expect(result.ruleSet.states.at(-1)).toEqual(onHold)
    expect(
      evaluateTransition(result.ruleSet, {
        from: "paid",
        to: "on_hold",
        actor: "admin",
        facts: PAID,
        reason: "Fraud check",
      })
    ).toEqual({ allowed: true })
  })

  it("changes labels and actors in place, keeping order", () => {
    const result = mergeRuleSets(DEFAULT_RULE_SET, {
      states: [{ id: "shipped", label: "Dispatched" }],
      transitions: [
        { from: "awaiting_payment", to: "cancelled", actors: ["system", "admin"], guards: ["not_shipped"] },
      ],
    })
    expect(result.ok).toBe(true)
    if (!result.ok) {
      return
    }
    const index = DEFAULT_RULE_SET.states.findIndex((s) => s.id === "shipped")
    expect(result.ruleSet.states[index]).toEqual({ id: "shipped", label: "Dispatched" })
    expect(
      evaluateTransition(result.ruleSet, {
        from: "awaiting_payment",
        to: "cancelled",
        actor: "customer",
        facts: facts(),
      })
    ).toMatchObject({ code: "actor_forbidden" })
  })

  it("removes a default transition (a store without out-for-delivery tracking)", () => {
    const result = mergeRuleSets(DEFAULT_RULE_SET, {
      removeStates: ["out_for_delivery"],
    })
    expect(result.ok).toBe(true)
    expect(
      result.ok &&
        result.ruleSet.transitions.some(
          (t) => t.from === "out_for_delivery" || t.to === "out_for_delivery"
        )
    ).toBe(false)
  })

  it("replaces a transition removed and re-added in one patch", () => {
    const result = mergeRuleSets(DEFAULT_RULE_SET, {
      remove: [{ from: "delivered", to: "completed" }],
      transitions: [{ from: "delivered", to: "completed", actors: ["system"] }],
    })
    expect(
      result.ok &&
        result.ruleSet.transitions.find(
          (t) => t.from === "delivered" && t.to === "completed"
        )
    ).toEqual({ from: "delivered", to: "completed", actors: ["system"] })
  })

  it.each<{ problem: string; patch: unknown; errors: string[] }>([
    {
      problem: "a malformed patch",
      patch: { states: "many" },
      errors: ["states: Invalid input: expected array, received string"],
    },
    {
      problem: "an unknown patch key",
      patch: { drop: [] },
      errors: ['custom rules: Unrecognized key: "drop"'],
    },
    {
      problem: "removing a transition that does not exist",
      patch: { remove: [{ from: "paid", to: "shipped" }] },
      errors: ["cannot remove transition paid → shipped: it is not in the rule set"],
    },
    {
      problem: "removing a state that does not exist",
      patch: { removeStates: ["on_hold"] },
      errors: ['cannot remove state "on_hold": it is not in the rule set'],
    },
    {
      problem: "a custom state nobody can reach",
      patch: {
        states: [onHold],
        transitions: [{ from: "on_hold", to: "processing", actors: ["admin"] }],
      },
      errors: ['state "on_hold" cannot be reached from "awaiting_payment"'],
    },
    {
      problem: "a custom dead-end state",
      patch: {
        states: [onHold],
        transitions: [{ from: "paid", to: "on_hold", actors: ["admin"] }],
      },
      errors: ['state "on_hold" is a dead end: mark it final or add a transition out of it'],
    },
    {
      problem: "removing the only way into a state",
      patch: { remove: [{ from: "shipped", to: "out_for_delivery" }] },
      errors: ['state "out_for_delivery" cannot be reached from "awaiting_payment"'],
    },
    {
      problem: "removing the initial state",
      patch: { removeStates: ["awaiting_payment"] },
      errors: [
        'initial state "awaiting_payment" is not one of the states',
      ],
    },
    {
      problem: "a transition to a misspelled state",
      patch: { transitions: [{ from: "paid", to: "shipd", actors: ["admin"] }] },
      errors: ['transition paid → shipd: unknown state "shipd"'],
    },
  ])("rejects $problem", ({ patch, errors }) => {
    expect(mergeRuleSets(DEFAULT_RULE_SET, patch)).toEqual({ ok: false, errors })
  })

  it("does not mutate the base", () => {
    const before = structuredClone(DEFAULT_RULE_SET)
    mergeRuleSets(DEFAULT_RULE_SET, {
      states: [{ id: "paid", label: "Payment received" }],
      remove: [{ from: "paid", to: "refunded" }],
    })
    expect(DEFAULT_RULE_SET).toEqual(before)
  })
})
