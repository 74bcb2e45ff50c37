/**
 * What of an untrusted callback body may be stored. PostgreSQL's jsonb
 * refuses "\u0000" (a body carrying one made the insert throw), and a caller
 * that knows the callback secret could still send megabytes or deep nesting.
 * Control characters go, strings, arrays, objects and depth are capped, and
 * a body that is still too large is kept as a truncated string.
 */

export const STORED_BODY_LIMITS = {
  depth: 8,
  keys: 60,
  items: 60,
  string: 2_000,
  total: 16_000,
}

// C0 controls except tab, newline and carriage return, plus DEL.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g

export type StoredBody = Record<string, unknown> | null

function clean(value: unknown, depth: number): unknown {
  if (typeof value === "string") {
    return value.replace(CONTROL, "").slice(0, STORED_BODY_LIMITS.string)
  }
  if (typeof value === "number") {
    return Number.isFinite(value) ? value : null
  }
  if (typeof value === "boolean" || value === null) {
    return value
  }
  if (depth >= STORED_BODY_LIMITS.depth) {
    return "[too deep]"
  }
  if (Array.isArray(value)) {
    return value.slice(0, STORED_BODY_LIMITS.items).map((v) => clean(v, depth + 1))
  }
  if (typeof value === "object") {
    const out: Record<string, unknown> = {}
    for (const [key, v] of Object.entries(value as Record<string, unknown>).slice(0, STORED_BODY_LIMITS.keys)) {
      const k = key.replace(CONTROL, "").slice(0, 100)
      if (k && k !== "__proto__") {
        out[k] = clean(v, depth + 1)
      }
    }
    return out
  }
  return null
}

/** A storable copy of `body` (never throws); non-object bodies are wrapped as `{ value }`. */
export function sanitizeCallbackBody(body: unknown): StoredBody {
  if (body === undefined || body === null) {
    return null
  }
  const cleaned = clean(body, 0)
  const record =
    typeof cleaned === "object" && cleaned !== null && !Array.isArray(cleaned)
      ? (cleaned as Record<string, unknown>)
      : { value: cleaned }
  const text = JSON.stringify(record)
  return text.length <= STORED_BODY_LIMITS.total ? record : { truncated: text.slice(0, STORED_BODY_LIMITS.total) }
}
