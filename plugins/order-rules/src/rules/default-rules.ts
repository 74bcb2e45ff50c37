import type { RuleSet } from "./types"

/*
 * The rule set every store starts with. S = system (Medusa events, timers),
 * A = admin, C = customer. "reason" = admins must say why.
 *
 * from              → to                actors  guards (N = order_not_canceled_in_medusa)
 * awaiting_payment  → paid              S A     payment_captured, N
 * awaiting_payment  → payment_failed    S       payment_not_captured, N
 * awaiting_payment  → cancelled         S A C   not_shipped
 * payment_failed    → awaiting_payment  S A C   payment_not_captured, N   (retry)
 * payment_failed    → paid              S A     payment_captured, N
 * payment_failed    → cancelled         S A C   not_shipped
 * paid              → processing        S A     payment_captured, N
 * paid              → cancelled         S A     not_shipped               reason
 * paid              → refunded          S A     refund_recorded, not_shipped
 * processing        → shipped           S A     payment_captured, shipped, N
 * processing        → cancelled         S A     not_shipped               reason
 * processing        → refunded          S A     refund_recorded, not_shipped
 * shipped           → out_for_delivery  S A     shipped, N
 * shipped           → delivered         S A     delivered, N
 * out_for_delivery  → delivered         S A     delivered, N
 * delivered         → completed         S A     delivered, payment_captured, N
 * shipped           → returned          S A     shipped                   reason
 * out_for_delivery  → returned          S A     shipped                   reason
 * delivered         → returned          S A     shipped                   reason
 * returned          → refunded          S A     refund_recorded
 * cancelled         → refunded          S A     refund_recorded
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
  transitions: [
    {
      from: "awaiting_payment",
      to: "paid",
      actors: ["system", "admin"],
      guards: ["payment_captured", "order_not_canceled_in_medusa"],
    },
    {
      from: "awaiting_payment",
      to: "payment_failed",
      actors: ["system"],
      guards: ["payment_not_captured", "order_not_canceled_in_medusa"],
    },
    {
      from: "awaiting_payment",
      to: "cancelled",
      actors: ["system", "admin", "customer"],
      guards: ["not_shipped"],
    },
    {
      from: "payment_failed",
      to: "awaiting_payment",
      actors: ["system", "admin", "customer"],
      guards: ["payment_not_captured", "order_not_canceled_in_medusa"],
    },
    {
      from: "payment_failed",
      to: "paid",
      actors: ["system", "admin"],
      guards: ["payment_captured", "order_not_canceled_in_medusa"],
    },
    {
      from: "payment_failed",
      to: "cancelled",
      actors: ["system", "admin", "customer"],
      guards: ["not_shipped"],
    },
    {
      from: "paid",
      to: "processing",
      actors: ["system", "admin"],
      guards: ["payment_captured", "order_not_canceled_in_medusa"],
    },
    {
      from: "paid",
      to: "cancelled",
      actors: ["system", "admin"],
      guards: ["not_shipped"],
      requiresReason: true,
    },
    {
      from: "paid",
      to: "refunded",
      actors: ["system", "admin"],
      guards: ["refund_recorded", "not_shipped"],
    },
    {
      from: "processing",
      to: "shipped",
      actors: ["system", "admin"],
      guards: ["payment_captured", "shipped", "order_not_canceled_in_medusa"],
    },
    {
      from: "processing",
      to: "cancelled",
      actors: ["system", "admin"],
      guards: ["not_shipped"],
      requiresReason: true,
    },
    {
      from: "processing",
      to: "refunded",
      actors: ["system", "admin"],
      guards: ["refund_recorded", "not_shipped"],
    },
    {
      from: "shipped",
      to: "out_for_delivery",
      actors: ["system", "admin"],
      guards: ["shipped", "order_not_canceled_in_medusa"],
    },
    {
      from: "shipped",
      to: "delivered",
      actors: ["system", "admin"],
      guards: ["delivered", "order_not_canceled_in_medusa"],
    },
    {
      from: "out_for_delivery",
      to: "delivered",
      actors: ["system", "admin"],
      guards: ["delivered", "order_not_canceled_in_medusa"],
    },
    {
      from: "delivered",
      to: "completed",
      actors: ["system", "admin"],
      guards: ["delivered", "payment_captured", "order_not_canceled_in_medusa"],
    },
    {
      from: "shipped",
      to: "returned",
      actors: ["system", "admin"],
      guards: ["shipped"],
      requiresReason: true,
    },
    {
      from: "out_for_delivery",
      to: "returned",
      actors: ["system", "admin"],
      guards: ["shipped"],
      requiresReason: true,
    },
    {
      from: "delivered",
      to: "returned",
      actors: ["system", "admin"],
      guards: ["shipped"],
      requiresReason: true,
    },
    {
      from: "returned",
      to: "refunded",
      actors: ["system", "admin"],
      guards: ["refund_recorded"],
    },
    {
      from: "cancelled",
      to: "refunded",
      actors: ["system", "admin"],
      guards: ["refund_recorded"],
    },
  ],
}
