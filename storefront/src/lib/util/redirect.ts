const PROBE_ORIGIN = "http://soko.invalid"

/**
 * The path to go to after signing in (or switching country), only when it
 * stays on this shop: a single leading "/", no backslash (browsers read "/\"
 * as "//"), no control characters, nothing that decodes to another host, and
 * it must resolve to this origin. Anything else gives `fallback`.
 */
export function safeNextPath(raw: unknown, fallback: string): string {
  if (typeof raw !== "string" || raw.length === 0 || raw.length > 2048) {
    return fallback
  }
  if (!raw.startsWith("/") || raw.startsWith("//") || /[\\\u0000-\u001f\u007f]/.test(raw)) {
    return fallback
  }
  let decoded: string
  try {
    decoded = decodeURIComponent(raw)
  } catch {
    return fallback
  }
  if (decoded.startsWith("//") || /[\\\u0000-\u001f\u007f]/.test(decoded)) {
    return fallback
  }
  let url: URL
  try {
    url = new URL(raw, PROBE_ORIGIN)
  } catch {
    return fallback
  }
  if (url.origin !== PROBE_ORIGIN) {
    return fallback
  }
  return `${url.pathname}${url.search}${url.hash}`
}
