import { DEFAULT_RULE_SET } from "../default-rules"
import type { RuleSet } from "../types"
import { validateRuleSet } from "../validate-rule-set"

/** A tiny valid rule set: new → done, new → void. */
function base(): RuleSet {
  return {
    initial: "new",
    states: [
      { id: "new", label: "New" },
      { id: "done", label: "Done", final: true },
      { id: "void", label: "Void", final: true },
    ],
    transitions: [
      { from: "new", to: "done", actors: ["admin"] },
      { from: "new", to: "void", actors: ["system"] },
    ],
  }
}

function withChange(change: (r: Record<string, unknown> & RuleSet) => void) {
  const ruleSet = structuredClone(base()) as Record<string, unknown> & RuleSet
  change(ruleSet)
  return ruleSet
}

describe("validateRuleSet", () => {
  it("accepts a valid rule set and returns it", () => {
    expect(validateRuleSet(base())).toEqual({ ok: true, ruleSet: base() })
  })

  it("trims labels", () => {
    const result = validateRuleSet(
      withChange((r) => {
        r.states[0].label = "  New  "
      })
    )
    expect(result.ok && result.ruleSet.states[0].label).toBe("New")
  })

  it.each<{ problem: string; input: unknown; errors: string[] }>([
    {
      problem: "not an object",
      input: "rules",
      errors: ["rule set: Invalid input: expected object, received string"],
    },
    {
      problem: "unknown top-level key",
      input: withChange((r) => {
        r.extra = true
      }),
      errors: ['rule set: Unrecognized key: "extra"'],
    },
    {
      problem: "bad state id",
      input: withChange((r) => {
        r.states[1].id = "Done!"
      }),
      errors: [
        "states[1].id: must start with a lowercase letter and use only a-z, 0-9 and _ (at most 40 characters)",
      ],
    },
    {
      problem: "state id longer than 40 characters",
      input: withChange((r) => {
        r.states[1].id = `d${"o".repeat(40)}`
      }),
      errors: [
        "states[1].id: must start with a lowercase letter and use only a-z, 0-9 and _ (at most 40 characters)",
      ],
    },
    {
      problem: "label too long",
      input: withChange((r) => {
        r.states[0].label = "x".repeat(61)
      }),
      errors: ["states[0].label: must be at most 60 characters"],
    },
    {
      problem: "empty label",
      input: withChange((r) => {
        r.states[0].label = "   "
      }),
      errors: ["states[0].label: must not be empty"],
    },
    {
      problem: "unknown key on a state",
      input: withChange((r) => {
        Object.assign(r.states[0], { colour: "red" })
      }),
      errors: ['states[0]: Unrecognized key: "colour"'],
    },
    {
      problem: "unknown key on a transition",
      input: withChange((r) => {
        Object.assign(r.transitions[0], { when: "always" })
      }),
      errors: ['transitions[0]: Unrecognized key: "when"'],
    },
    {
      problem: "transition with no actors",
      input: withChange((r) => {
        r.transitions[0].actors = []
      }),
      errors: ["transitions[0].actors: must name at least one actor"],
    },
    {
      problem: "no states",
      input: { initial: "new", states: [], transitions: [] },
      errors: ["states: must define at least one state"],
    },
    {
      problem: "duplicate state ids",
      input: withChange((r) => {
        r.states.push({ id: "done", label: "Done again", final: true })
      }),
      errors: ['state "done" is defined more than once'],
    },
    {
      problem: "initial state missing",
      input: withChange((r) => {
        r.initial = "draft"
      }),
      errors: ['initial state "draft" is not one of the states'],
    },
    {
      problem: "transition to an unknown state",
      input: withChange((r) => {
        r.transitions[0].to = "shipd"
      }),
      errors: ['transition new → shipd: unknown state "shipd"'],
    },
    {
      problem: "transition from an unknown state",
      input: withChange((r) => {
        r.transitions[0].from = "nwe"
      }),
      errors: ['transition nwe → done: unknown state "nwe"'],
    },
    {
      problem: "unknown actor",
      input: withChange((r) => {
        r.transitions[0].actors = ["admin", "robot" as "admin"]
      }),
      errors: [
        'transition new → done: unknown actor "robot" (expected one of "system", "admin", "customer")',
      ],
    },
    {
      problem: "actor listed twice",
      input: withChange((r) => {
        r.transitions[0].actors = ["admin", "admin"]
      }),
      errors: ['transition new → done: actor "admin" is listed twice'],
    },
    {
      problem: "unknown guard",
      input: withChange((r) => {
        r.transitions[0].guards = ["is_friday" as "shipped"]
      }),
      errors: [
        'transition new → done: unknown guard "is_friday" (expected one of "payment_captured", "payment_not_captured", "not_shipped", "fulfilled", "shipped", "delivered", "refund_recorded", "order_not_canceled_in_medusa")',
      ],
    },
    {
      problem: "duplicate transition",
      input: withChange((r) => {
        r.transitions.push({ from: "new", to: "done", actors: ["system"] })
      }),
      errors: ["transition new → done is defined more than once"],
    },
    {
      problem: "self-loop",
      input: withChange((r) => {
        r.transitions.push({ from: "new", to: "new", actors: ["system"] })
      }),
      errors: ["transition new → new: a state cannot transition to itself"],
    },
    {
      problem: "unreachable state",
      input: withChange((r) => {
        r.states.push({ id: "on_hold", label: "On hold" })
        r.transitions.push({ from: "on_hold", to: "done", actors: ["admin"] })
      }),
      errors: ['state "on_hold" cannot be reached from "new"'],
    },
    {
      problem: "non-final dead end",
      input: withChange((r) => {
        r.states.push({ id: "stuck", label: "Stuck" })
        r.transitions.push({ from: "new", to: "stuck", actors: ["admin"] })
      }),
      errors: [
        'state "stuck" is a dead end: mark it final or add a transition out of it',
      ],
    },
    {
      problem: "final state with transitions out",
      input: withChange((r) => {
        r.transitions.push({ from: "done", to: "void", actors: ["admin"] })
      }),
      errors: [
        'state "done" is final but has transitions out of it (to "void"): remove them or unmark final',
      ],
    },
    {
      problem: "loop that never reaches a final state",
      input: withChange((r) => {
        r.states.push({ id: "ping", label: "Ping" }, { id: "pong", label: "Pong" })
        r.transitions.push(
          { from: "new", to: "ping", actors: ["admin"] },
          { from: "ping", to: "pong", actors: ["admin"] },
          { from: "pong", to: "ping", actors: ["admin"] }
        )
      }),
      errors: [
        'state "ping" can never lead to a final state: add a path to a final state',
        'state "pong" can never lead to a final state: add a path to a final state',
      ],
    },
  ])("rejects $problem", ({ input, errors }) => {
    expect(validateRuleSet(input)).toEqual({ ok: false, errors })
  })

  it("reports every graph problem at once", () => {
    const result = validateRuleSet(
      withChange((r) => {
        r.transitions[0].to = "shipd"
        r.transitions[1].actors = ["robot" as "admin"]
      })
    )
    expect(result.ok ? [] : result.errors).toHaveLength(2)
  })

  it("rejects the default rule set with a state nobody can reach", () => {
    const ruleSet = structuredClone(DEFAULT_RULE_SET)
    ruleSet.transitions = ruleSet.transitions.filter(
      (t) => t.to !== "out_for_delivery"
    )
    expect(validateRuleSet(ruleSet)).toEqual({
      ok: false,
      errors: [
        'state "out_for_delivery" cannot be reached from "awaiting_payment"',
      ],
    })
  })
})
