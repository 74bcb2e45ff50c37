export type MessageStatus = "pending" | "sending" | "retrying" | "sent" | "failed" | "skipped"

export type LogMessage = {
  id: string
  trigger: string
  event_name: string
  template: string
  channel: "email" | "sms"
  locale: string
  audience: "customer" | "merchant"
  to: string
  order_id: string | null
  customer_id: string | null
  status: MessageStatus
  attempts: number
  max_attempts: number
  last_error: string | null
  subject: string | null
  body_text?: string | null
  next_attempt_at: string | null
  sent_at: string | null
  failed_at: string | null
  resent_from_id: string | null
  created_at: string
  sms: { encoding: string | null; parts: number | null; units: number | null } | null
}

export type LogMessageDetail = LogMessage & {
  idempotency_key: string
  body_text: string | null
  body_html: string | null
  data: Record<string, unknown> | null
  provider_id: string | null
  external_id: string | null
  attempts_log: { id: string; status: string; provider_id: string | null; created_at: string; idempotency_key: string }[]
  resends: { id: string; status: string; created_at: string }[]
}

export type Preview =
  | { channel: "email"; subject: string; html: string; text: string; warnings: string[]; origins: Record<string, string> }
  | { channel: "sms"; text: string; encoding: string; units: number; parts: number; warnings: string[]; origins: Record<string, string> }

export type TemplateSummary = {
  id: string
  description: string
  audience: string
  channels: ("email" | "sms")[]
  variables: string[]
  locales: Record<string, Record<string, string>>
}

export type TemplatePart = "subject" | "html" | "text" | "sms"

export type TemplateDetail = {
  template: string
  locale: string
  channels: ("email" | "sms")[]
  variables: string[]
  parts: Record<TemplatePart, { origin: string; source: string }>
  defaults: Record<TemplatePart, string>
}

export const STATUS_COLOR: Record<MessageStatus, "green" | "red" | "orange" | "grey" | "blue"> = {
  sent: "green",
  failed: "red",
  retrying: "orange",
  pending: "blue",
  sending: "blue",
  skipped: "grey",
}

export const formatTime = (value: string | null | undefined) =>
  value ? new Date(value).toLocaleString("en-GB", { dateStyle: "medium", timeStyle: "short" }) : "—"
