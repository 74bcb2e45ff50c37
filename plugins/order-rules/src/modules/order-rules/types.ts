import type { Actor } from "../../rules"

/** One change to record, in the order it happened. */
export type StatusChangeInput = {
  from_status: string | null
  to_status: string
  actor: Actor
  actor_id?: string | null
  reason?: string | null
  source: string
  idempotency_key?: string | null
}

export type RecordStatusChangesInput = {
  order_id: string
  /** The lifecycle version the changes were planned against (0: no lifecycle row yet). */
  expected_version: number
  changes: StatusChangeInput[]
  changed_at?: Date
}

export type LifecycleSnapshot = {
  status: string
  version: number
  status_changed_at: Date | null
}

export type RecordedStatusChange = {
  id: string
  order_id: string
  sequence: number
  from_status: string | null
  to_status: string
  actor: Actor
  actor_id: string | null
  reason: string | null
  source: string
  idempotency_key: string | null
  created_at: Date
}

export type RecordStatusChangesResult = {
  lifecycle: { order_id: string; status: string; version: number; status_changed_at: Date | null }
  changes: RecordedStatusChange[]
  /** What to restore if the workflow rolls back (null: the row did not exist). */
  previous: LifecycleSnapshot | null
}

export type RateLimitResult =
  | { allowed: true }
  | { allowed: false; retry_after_seconds: number }

export type ActiveRuleSet = {
  rule_set: import("../../rules").RuleSet
  /** 0 = the plugin's defaults and options; otherwise the admin save in force. */
  version: number
  source: "plugin" | "admin"
}
