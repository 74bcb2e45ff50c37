import type { MessageStatus } from "./models"

/** A message about to be recorded (and, unless already final, sent). */
export type MessageDraft = {
  idempotency_key: string
  trigger: string
  event_name: string
  template: string
  channel: string
  locale: string
  audience: string
  to: string
  order_id: string | null
  customer_id: string | null
  resource_id: string
  /** "pending" to send; "failed" or "skipped" to record a decision not to. */
  status: Extract<MessageStatus, "pending" | "failed" | "skipped">
  max_attempts: number
  last_error: string | null
  failed_at: Date | null
  event_at: Date | null
  subject: string | null
  body_text: string | null
  body_html: string | null
  data: Record<string, unknown> | null
  meta: Record<string, unknown> | null
  resent_from_id: string | null
}

/** The fields of a message an attempt needs, as returned by the claim. */
export type ClaimedMessage = {
  id: string
  idempotency_key: string
  trigger: string
  template: string
  channel: string
  to: string
  order_id: string | null
  customer_id: string | null
  resource_id: string
  attempts: number
  max_attempts: number
  subject: string | null
  body_text: string | null
  body_html: string | null
  data: Record<string, unknown> | null
  event_name: string
  resent_from_id: string | null
}
