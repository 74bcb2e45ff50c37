import type { GuardId } from "./types"

/** What each built-in guard requires, for the admin's rule editor. */
export const GUARD_DESCRIPTIONS: Record<GuardId, string> = {
  payment_captured: "The payment has been captured in Medusa",
  payment_not_captured: "The payment has not been captured (or refunded) yet",
  not_shipped: "Nothing has shipped yet (otherwise: return instead)",
  fulfilled: "Every item has been fulfilled (packed)",
  shipped: "Every item has shipped",
  delivered: "The order has been delivered",
  refund_recorded: "The payment has been refunded in full",
  order_not_canceled_in_medusa: "The order is not canceled in Medusa",
}
