import { allowedNextStates } from "../allowed-next-states"
import { DEFAULT_RULE_SET } from "../default-rules"
import { evaluateTransition, type TransitionRequest } from "../evaluate-transition"
import type { Actor } from "../types"
import { PAID, SHIPPED, facts } from "./fixtures"

function request(overrides: Partial<TransitionRequest>): TransitionRequest {
  return {
    from: "awaiting_payment",
    to: "paid",
    actor: "admin",
    facts: PAID,
    ...overrides,
  }
}

describe("evaluateTransition", () => {
  it.each<{ name: string; req: Partial<TransitionRequest>; code: string; message: string; allowedNext: string[] }>([
    {
      name: "unknown target state",
      req: { to: "shipd" },
      code: "unknown_state",
      message:
        'Unknown order status "shipd". Known statuses: awaiting_payment, payment_failed, paid, processing, shipped, out_for_delivery, delivered, completed, cancelled, returned, refunded.',
      allowedNext: ["paid", "cancelled"],
    },
    {
      name: "unknown current state",
      req: { from: "limbo" },
      code: "unknown_state",
      message:
        'Unknown order status "limbo". Known statuses: awaiting_payment, payment_failed, paid, processing, shipped, out_for_delivery, delivered, completed, cancelled, returned, refunded.',
      allowedNext: [],
    },
    {
      name: "forged actor",
      req: { actor: "system; drop table" as Actor },
      code: "actor_forbidden",
      message:
        'Unknown actor "system; drop table" (expected one of system, admin, customer).',
      allowedNext: [],
    },
    {
      name: "same state",
      req: { from: "paid", to: "paid" },
      code: "same_state",
      message:
        'The order is already "paid". Allowed next states for admin: processing, cancelled.',
      allowedNext: ["processing", "cancelled"],
    },
    {
      name: "no such transition",
      req: { to: "shipped" },
      code: "not_allowed",
      message:
        'Cannot move order from "awaiting_payment" to "shipped". Allowed next states for admin: paid, cancelled.',
      allowedNext: ["paid", "cancelled"],
    },
    {
      name: "customer marking paid",
      req: { actor: "customer" },
      code: "actor_forbidden",
      message:
        'Cannot move order from "awaiting_payment" to "paid". Only system or admin may do that. Allowed next states for customer: cancelled.',
      allowedNext: ["cancelled"],
    },
    {
      name: "cannot ship before paid",
      req: {
        from: "processing",
        to: "shipped",
        facts: facts({ payment_status: "authorized", fulfillment_status: "shipped" }),
      },
      code: "guard_failed",
      message:
        'Cannot move order from "processing" to "shipped". The payment has not been captured (Medusa payment status is "authorized"). Capture the payment first. No next states are allowed for admin right now.',
      allowedNext: [],
    },
    {
      name: "cannot mark paid before capture",
      req: { facts: facts({ payment_status: "authorized" }) },
      code: "guard_failed",
      message:
        'Cannot move order from "awaiting_payment" to "paid". The payment has not been captured (Medusa payment status is "authorized"). Capture the payment first. Allowed next states for admin: cancelled.',
      allowedNext: ["cancelled"],
    },
    {
      name: "admin cancelling a paid order without a reason",
      req: { from: "paid", to: "cancelled" },
      code: "reason_required",
      message:
        'A reason is required to move order from "paid" to "cancelled". Allowed next states for admin: processing, cancelled.',
      allowedNext: ["processing", "cancelled"],
    },
    {
      name: "admin cancelling with a blank reason",
      req: { from: "paid", to: "cancelled", reason: "   " },
      code: "reason_required",
      message:
        'A reason is required to move order from "paid" to "cancelled". Allowed next states for admin: processing, cancelled.',
      allowedNext: ["processing", "cancelled"],
    },
  ])("denies $name", ({ req, code, message, allowedNext }) => {
    expect(evaluateTransition(DEFAULT_RULE_SET, request(req))).toEqual({
      allowed: false,
      code,
      message,
      allowedNext,
    })
  })

  it("cannot cancel after shipped: the guard says to return instead", () => {
    const ruleSet = structuredClone(DEFAULT_RULE_SET)
    // Medusa can be ahead of our status: still "processing" but already shipped.
    expect(
      evaluateTransition(ruleSet, {
        from: "processing",
        to: "cancelled",
        actor: "admin",
        facts: SHIPPED,
        reason: "Customer changed their mind",
      })
    ).toMatchObject({
      code: "guard_failed",
      message: expect.stringContaining("Record a return instead."),
    })
  })

  it.each<{ name: string; req: Partial<TransitionRequest> }>([
    { name: "admin marks a captured order paid", req: {} },
    { name: "admin cancels a paid order with a reason", req: { from: "paid", to: "cancelled", reason: "Out of stock" } },
    { name: "system cancels a paid order without a reason", req: { from: "paid", to: "cancelled", actor: "system" } },
    { name: "customer cancels an unpaid order without a reason", req: { to: "cancelled", actor: "customer", facts: facts() } },
  ])("allows: $name", ({ req }) => {
    expect(evaluateTransition(DEFAULT_RULE_SET, request(req))).toEqual({
      allowed: true,
    })
  })
})

describe("allowedNextStates", () => {
  it.each<{ from: string; actor: Actor; given: ReturnType<typeof facts>; expected: unknown[] }>([
    {
      from: "awaiting_payment",
      actor: "admin",
      given: facts(),
      expected: [
        {
          to: "paid",
          label: "Paid",
          allowed: false,
          blockedBy:
            'The payment has not been captured (Medusa payment status is "not_paid"). Capture the payment first.',
          requiresReason: false,
        },
        { to: "cancelled", label: "Cancelled", allowed: true, requiresReason: false },
      ],
    },
    {
      from: "awaiting_payment",
      actor: "customer",
      given: facts(),
      expected: [
        { to: "cancelled", label: "Cancelled", allowed: true, requiresReason: false },
      ],
    },
    {
      from: "paid",
      actor: "admin",
      given: PAID,
      expected: [
        { to: "processing", label: "Processing", allowed: true, requiresReason: false },
        { to: "cancelled", label: "Cancelled", allowed: true, requiresReason: true },
        {
          to: "refunded",
          label: "Refunded",
          allowed: false,
          blockedBy:
            'No full refund is recorded (Medusa payment status is "captured"). Refund the payment first.',
          requiresReason: false,
        },
      ],
    },
    {
      from: "paid",
      actor: "system",
      given: PAID,
      expected: [
        { to: "processing", label: "Processing", allowed: true, requiresReason: false },
        { to: "cancelled", label: "Cancelled", allowed: true, requiresReason: false },
        expect.objectContaining({ to: "refunded", allowed: false }),
      ],
    },
    { from: "paid", actor: "customer", given: PAID, expected: [] },
    { from: "completed", actor: "admin", given: PAID, expected: [] },
  ])("$from for $actor", ({ from, actor, given, expected }) => {
    expect(allowedNextStates(DEFAULT_RULE_SET, from, actor, given)).toEqual(
      expected
    )
  })
})
