/** Order tracking (the order-rules plugin's POST /store/order-tracking) and its timeline. */
export type TimelineEntry = { status: string; label: string; at: string }

export type OrderTracking = {
  display_id: number
  status: string
  label: string
  description: string | null
  final: boolean
  placed_at: string
  updated_at: string
  timeline: TimelineEntry[]
  items: { title: string; quantity: number }[]
  shipments: { tracking_number: string; tracking_url: string | null; shipped_at: string | null; delivered_at: string | null }[]
}

/** The usual road of an order in Soko's default rules, to show what comes next. */
export const USUAL_PATH = ["awaiting_payment", "paid", "processing", "shipped", "delivered", "completed"] as const

export const STATUS_LABELS: Record<string, string> = {
  awaiting_payment: "Awaiting payment",
  payment_failed: "Payment failed",
  paid: "Paid",
  processing: "Processing",
  shipped: "Shipped",
  out_for_delivery: "Out for delivery",
  delivered: "Delivered",
  completed: "Completed",
  cancelled: "Cancelled",
  returned: "Returned",
  refunded: "Refunded",
}

const FAILED = new Set(["payment_failed", "cancelled", "returned", "refunded"])

export type TimelineStep = { status: string; label: string; at?: string; state: "done" | "current" | "upcoming" | "failed" }

/**
 * What happened (oldest first), the current state marked, then the usual steps
 * still ahead (none once the order is final or off the usual road).
 */
export function timelineSteps(t: Pick<OrderTracking, "status" | "final" | "timeline">): TimelineStep[] {
  const past: TimelineStep[] = t.timeline.map((e, i) => ({
    status: e.status,
    label: e.label || STATUS_LABELS[e.status] || e.status,
    at: e.at,
    state: i === t.timeline.length - 1 ? (FAILED.has(e.status) ? "failed" : "current") : "done",
  }))
  if (!past.length) {
    past.push({ status: t.status, label: STATUS_LABELS[t.status] ?? t.status, state: "current" })
  }
  if (t.final) {
    return past.map((s) => (s.state === "current" ? { ...s, state: "done" } : s))
  }
  const at = (USUAL_PATH as readonly string[]).indexOf(t.status === "out_for_delivery" ? "shipped" : t.status)
  const ahead = at >= 0 ? USUAL_PATH.slice(at + 1) : []
  return [
    ...past,
    ...ahead.map((status) => ({ status, label: STATUS_LABELS[status] ?? status, state: "upcoming" as const })),
  ]
}

export function isOrderTracking(v: unknown): v is OrderTracking {
  const o = v as OrderTracking | null
  return Boolean(o && typeof o === "object" && typeof o.status === "string" && Array.isArray(o.timeline))
}
