import type { RuleSet } from "../../rules"

export type TrackedOrderRecord = {
  id: string
  display_id: number
  email: string | null
  created_at: string | Date
  items?: { title: string; quantity: number | null; detail?: { quantity?: number | null } | null }[] | null
  fulfillments?:
    | {
        shipped_at: string | Date | null
        delivered_at: string | Date | null
        canceled_at: string | Date | null
        labels?: { tracking_number: string; tracking_url: string | null }[] | null
      }[]
    | null
}

type HistoryEntry = { to_status: string; created_at: Date | string }

/** What a shopper sees when tracking an order: no ids, actors, reasons or addresses. */
export type OrderTrackingView = {
  display_id: number
  status: string
  label: string
  description: string | null
  final: boolean
  placed_at: string
  updated_at: string
  timeline: { status: string; label: string; at: string }[]
  items: { title: string; quantity: number }[]
  shipments: { tracking_number: string; tracking_url: string | null; shipped_at: string | null; delivered_at: string | null }[]
}

const iso = (value: string | Date | null | undefined): string | null =>
  value ? new Date(value).toISOString() : null

export function toTrackingView(
  order: TrackedOrderRecord,
  history: HistoryEntry[],
  ruleSet: RuleSet
): OrderTrackingView {
  const state = (id: string) => ruleSet.states.find((s) => s.id === id)
  const label = (id: string) => state(id)?.label ?? id.replace(/_/g, " ")
  const status = history.length > 0 ? history[history.length - 1].to_status : ruleSet.initial
  const placedAt = iso(order.created_at) as string
  const timeline =
    history.length > 0
      ? history.map((h) => ({ status: h.to_status, label: label(h.to_status), at: iso(h.created_at) as string }))
      : [{ status, label: label(status), at: placedAt }]
  return {
    display_id: order.display_id,
    status,
    label: label(status),
    description: state(status)?.description ?? null,
    final: state(status)?.final === true,
    placed_at: placedAt,
    updated_at: timeline[timeline.length - 1].at,
    timeline,
    // An order line's quantity lives on its order item ("detail").
    items: (order.items ?? []).map((i) => ({ title: i.title, quantity: Number(i.quantity ?? i.detail?.quantity ?? 0) })),
    shipments: (order.fulfillments ?? [])
      .filter((f) => !f.canceled_at && f.shipped_at)
      .flatMap((f) =>
        (f.labels ?? []).map((l) => ({
          tracking_number: l.tracking_number,
          tracking_url: l.tracking_url,
          shipped_at: iso(f.shipped_at),
          delivered_at: iso(f.delivered_at),
        }))
      ),
  }
}
