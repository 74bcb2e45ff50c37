import type { Actor, GuardId, RuleSet } from "./types"

/*
 * The rule set every store starts with. S = system (Medusa events, timers),
 * A = admin, C = customer. REASON = admins must say why.
 * N = order_not_canceled_in_medusa.
 *
 * Final: completed, refunded. Cancelled is not final because a paid order that is
 * cancelled still owes a refund; an unpaid one simply stays cancelled (its only way
 * out is guarded by refund_recorded). Returned is not final for the same reason.
 * Customers may only cancel before payment and retry a failed payment: anything
 * later involves money or stock and goes through an admin.
 * Shipping paid-but-unprocessed orders goes through processing; the event mapper
 * walks such multi-step paths when Medusa is ahead of us.
 * Guards make every target agree with Medusa (see contradictsMedusa), except
 * cancelled: the cancel workflow must also cancel the order in Medusa, which
 * releases or refunds the payment.
 */
const S: Actor = "system"
const A: Actor = "admin"
const C: Actor = "customer"
const N: GuardId = "order_not_canceled_in_medusa"
const REASON = "reason"

type TransitionRow = [from: string, to: string, actors: Actor[], guards: GuardId[], reason?: typeof REASON]

// from, to, actors, guards, whether admins must give a reason
const TRANSITIONS: TransitionRow[] = [
  ["awaiting_payment", "paid", [S, A], ["payment_captured", N]],
  ["awaiting_payment", "payment_failed", [S], ["payment_not_captured", N]],
  ["awaiting_payment", "cancelled", [S, A, C], ["not_shipped"]],
  ["payment_failed", "awaiting_payment", [S, A, C], ["payment_not_captured", N]], // retry
  ["payment_failed", "paid", [S, A], ["payment_captured", N]],
  ["payment_failed", "cancelled", [S, A, C], ["not_shipped"]],
  ["paid", "processing", [S, A], ["payment_captured", N]],
  ["paid", "cancelled", [S, A], ["not_shipped"], REASON],
  ["paid", "refunded", [S, A], ["refund_recorded", "not_shipped"]],
  ["processing", "shipped", [S, A], ["payment_captured", "shipped", N]],
  ["processing", "cancelled", [S, A], ["not_shipped"], REASON],
  ["processing", "refunded", [S, A], ["refund_recorded", "not_shipped"]],
  ["shipped", "out_for_delivery", [S, A], ["shipped", N]],
  ["shipped", "delivered", [S, A], ["delivered", N]],
  ["out_for_delivery", "delivered", [S, A], ["delivered", N]],
  ["delivered", "completed", [S, A], ["delivered", "payment_captured", N]],
  ["shipped", "returned", [S, A], ["shipped"], REASON],
  ["out_for_delivery", "returned", [S, A], ["shipped"], REASON],
  ["delivered", "returned", [S, A], ["shipped"], REASON],
  ["returned", "refunded", [S, A], ["refund_recorded"]],
  ["cancelled", "refunded", [S, A], ["refund_recorded"]],
]

export const DEFAULT_RULE_SET: RuleSet = {
  initial: "awaiting_payment",
  states: [
    {
      id: "awaiting_payment",
      label: "Awaiting payment",
      description: "The order is placed and waiting for the payment to be captured.",
    },
    {
      id: "payment_failed",
      label: "Payment failed",
      description: "The last payment attempt failed; the customer can try again.",
    },
    { id: "paid", label: "Paid", description: "The payment has been captured." },
    {
      id: "processing",
      label: "Processing",
      description: "The order is being picked and packed.",
    },
    { id: "shipped", label: "Shipped", description: "Every item has shipped." },
    {
      id: "out_for_delivery",
      label: "Out for delivery",
      description: "The courier is on the way to the customer.",
    },
    {
      id: "delivered",
      label: "Delivered",
      description: "The customer has received the order.",
    },
    {
      id: "completed",
      label: "Completed",
      final: true,
      description: "Nothing is left to do for this order.",
    },
    {
      id: "cancelled",
      label: "Cancelled",
      description: "The order was cancelled; a captured payment still needs a refund.",
    },
    {
      id: "returned",
      label: "Returned",
      description: "The items came back; the refund is pending.",
    },
    {
      id: "refunded",
      label: "Refunded",
      final: true,
      description: "The payment has been refunded in full.",
    },
  ],
  transitions: TRANSITIONS.map(([from, to, actors, guards, reason]) => ({
    from,
    to,
    actors,
    guards,
    ...(reason ? { requiresReason: true } : {}),
  })),
}
