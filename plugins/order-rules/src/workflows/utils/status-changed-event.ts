import type { RecordedStatusChange } from "../../modules/order-rules/types"

/** Payload of `order_status.changed`: one per history entry, in order. */
export type OrderStatusChangedEventData = {
  id: string
  order_id: string
  sequence: number
  /** null when the order was just placed. */
  from: string | null
  to: string
  actor: string
  actor_id: string | null
  reason: string | null
  source: string
  changed_at: string
}

export function toStatusChangedEvents(
  changes: RecordedStatusChange[] | undefined | null
): OrderStatusChangedEventData[] {
  return (changes ?? []).map((change) => ({
    id: change.id,
    order_id: change.order_id,
    sequence: change.sequence,
    from: change.from_status,
    to: change.to_status,
    actor: change.actor,
    actor_id: change.actor_id,
    reason: change.reason,
    source: change.source,
    changed_at: new Date(change.created_at).toISOString(),
  }))
}
