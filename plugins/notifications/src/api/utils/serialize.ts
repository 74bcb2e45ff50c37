type Row = Record<string, unknown>

/** Reset tokens must not be readable from the admin: `token=…` values are masked. */
export function redactTokens<T>(value: T): T {
  if (typeof value === "string") {
    return value.replace(/([?&](?:amp;)?token=)[^&"'\s<]+/g, "$1[redacted]") as T
  }
  if (Array.isArray(value)) {
    return value.map(redactTokens) as T
  }
  if (value && typeof value === "object" && !(value instanceof Date)) {
    return Object.fromEntries(Object.entries(value as Row).map(([k, v]) => [k, redactTokens(v)])) as T
  }
  return value
}

const SUMMARY = [
  "id",
  "trigger",
  "event_name",
  "template",
  "channel",
  "locale",
  "audience",
  "to",
  "order_id",
  "customer_id",
  "status",
  "attempts",
  "max_attempts",
  "last_error",
  "subject",
  "next_attempt_at",
  "event_at",
  "sent_at",
  "failed_at",
  "resent_from_id",
  "created_at",
  "updated_at",
] as const

/** A log row for lists: no bodies, SMS text only. */
export function summarize(row: Row): Row {
  const out: Row = Object.fromEntries(SUMMARY.map((key) => [key, row[key] ?? null]))
  if (row.channel === "sms") {
    out.body_text = redactTokens(row.body_text ?? null)
  }
  out.sms = row.channel === "sms" ? pickSms(row.meta) : null
  return out
}

function pickSms(meta: unknown) {
  const m = (meta ?? {}) as { encoding?: string; parts?: number; units?: number }
  return { encoding: m.encoding ?? null, parts: m.parts ?? null, units: m.units ?? null }
}

/** A log row with its rendered bodies and data, tokens masked. */
export function detail(row: Row): Row {
  return redactTokens({
    ...summarize(row),
    idempotency_key: row.idempotency_key,
    body_text: row.body_text ?? null,
    body_html: row.body_html ?? null,
    data: row.data ?? null,
    meta: row.meta ?? null,
    notification_id: row.notification_id ?? null,
    external_id: row.external_id ?? null,
    provider_id: row.provider_id ?? null,
  })
}
