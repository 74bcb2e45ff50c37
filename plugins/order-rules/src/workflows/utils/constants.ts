/** Emitted once per recorded status change, after the change is committed. */
export const ORDER_STATUS_CHANGED_EVENT = "order_status.changed"

/** The lock that serialises every status change of one order, across instances. */
export function orderStatusLockKey(orderId: string): string {
  return `order-rules:order:${orderId}`
}

/** How long a status change waits for the order's lock, and how long it may hold it (seconds). */
export const ORDER_LOCK_TIMEOUT = 15
export const ORDER_LOCK_TTL = 60

export const TIMERS = {
  cancelUnpaid: "cancel-unpaid",
  completeDelivered: "complete-delivered",
} as const
