import { DEFAULT_RULE_SET } from "../default-rules"
import { evaluateTransition } from "../evaluate-transition"
import { contradictsMedusa } from "../contradicts-medusa"
import { checkGuards } from "../guards"
import { INITIAL_ORDER_STATUS } from "../../modules/order-rules/initial-status"
import { ACTORS, type Actor } from "../types"
import { validateRuleSet } from "../validate-rule-set"
import { ALL_FACTS, PAID, facts } from "./fixtures"

const transitions = DEFAULT_RULE_SET.transitions.map((t) => ({
  ...t,
  name: `${t.from} → ${t.to}`,
  // Guards must be satisfiable together, or the transition could never fire.
  satisfying: ALL_FACTS.find((f) => checkGuards(t.guards, f).ok),
}))

const actorRows = transitions.flatMap((t) =>
  ACTORS.map((actor) => ({ ...t, actor, permitted: t.actors.includes(actor) }))
)

describe("DEFAULT_RULE_SET", () => {
  it("passes the validator", () => {
    expect(validateRuleSet(DEFAULT_RULE_SET)).toEqual({
      ok: true,
      ruleSet: DEFAULT_RULE_SET,
    })
  })

  it("starts where the module puts new orders", () => {
    expect(DEFAULT_RULE_SET.initial).toBe(INITIAL_ORDER_STATUS)
  })

  it("has the issue's states, with completed and refunded final", () => {
    expect(DEFAULT_RULE_SET.states.map((s) => s.id).sort()).toEqual(
      [
        "awaiting_payment",
        "paid",
        "processing",
        "shipped",
        "out_for_delivery",
        "delivered",
        "completed",
        "cancelled",
        "payment_failed",
        "returned",
        "refunded",
      ].sort()
    )
    expect(
      DEFAULT_RULE_SET.states.filter((s) => s.final).map((s) => s.id)
    ).toEqual(["completed", "refunded"])
  })

  it.each(transitions)("$name has satisfiable guards", ({ satisfying }) => {
    expect(satisfying).toBeDefined()
  })

  // Cancelling is the one move that runs ahead of Medusa: the cancel workflow then
  // cancels the order in Medusa, which releases or refunds the payment.
  it.each(transitions.filter((t) => t.to !== "cancelled"))(
    "$name never lands on a status that contradicts Medusa",
    ({ guards, to }) => {
      const contradictions = ALL_FACTS.filter(
        (f) => checkGuards(guards, f).ok
      ).map((f) => contradictsMedusa(to, f))
      expect(contradictions.filter(Boolean)).toEqual([])
    }
  )

  it.each(actorRows)(
    "$name by $actor: permitted=$permitted",
    ({ from, to, actor, permitted, satisfying }) => {
      const result = evaluateTransition(DEFAULT_RULE_SET, {
        from,
        to,
        actor: actor as Actor,
        facts: satisfying ?? facts(),
        reason: "Customer asked by phone",
      })
      if (permitted) {
        expect(result).toEqual({ allowed: true })
      } else {
        expect(result).toMatchObject({
          allowed: false,
          code: "actor_forbidden",
        })
      }
    }
  )

  it.each([
    {
      from: "awaiting_payment",
      to: "shipped",
      actor: "admin",
      facts: PAID,
      message:
        'Cannot move order from "awaiting_payment" to "shipped". Allowed next states for admin: paid, cancelled.',
    },
    {
      from: "awaiting_payment",
      to: "delivered",
      actor: "customer",
      facts: facts(),
      message:
        'Cannot move order from "awaiting_payment" to "delivered". Allowed next states for customer: cancelled.',
    },
    {
      from: "paid",
      to: "delivered",
      actor: "admin",
      facts: PAID,
      message:
        'Cannot move order from "paid" to "delivered". Allowed next states for admin: processing, cancelled.',
    },
    {
      from: "shipped",
      to: "cancelled",
      actor: "admin",
      facts: facts({ payment_status: "captured", fulfillment_status: "shipped" }),
      message:
        'Cannot move order from "shipped" to "cancelled". Allowed next states for admin: out_for_delivery, returned.',
    },
    {
      from: "completed",
      to: "returned",
      actor: "admin",
      facts: PAID,
      message:
        'Cannot move order from "completed" to "returned". No next states are allowed for admin right now.',
    },
    {
      from: "refunded",
      to: "paid",
      actor: "system",
      facts: PAID,
      message:
        'Cannot move order from "refunded" to "paid". No next states are allowed for system right now.',
    },
    {
      from: "delivered",
      to: "shipped",
      actor: "admin",
      facts: facts({ payment_status: "captured", fulfillment_status: "delivered" }),
      message:
        'Cannot move order from "delivered" to "shipped". Allowed next states for admin: completed, returned.',
    },
  ])(
    "denies $from → $to for $actor, naming the allowed next states",
    ({ from, to, actor, facts: f, message }) => {
      expect(
        evaluateTransition(DEFAULT_RULE_SET, {
          from,
          to,
          actor: actor as Actor,
          facts: f,
        })
      ).toMatchObject({ allowed: false, code: "not_allowed", message })
    }
  )
})
