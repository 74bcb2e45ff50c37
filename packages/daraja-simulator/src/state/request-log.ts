import type { EndpointName } from "./overrides"

export interface RequestRecord {
  id: string
  at: number
  method: string
  path: string
  endpoint?: EndpointName
  status: number
  /** The parsed JSON body with Password and SecurityCredential masked. */
  body?: unknown
  response?: unknown
  /** Present for STK requests, to tie the log to a prompt. */
  checkoutRequestId?: string
  durationMs: number
}

const SECRET_FIELDS = new Set(["Password", "SecurityCredential"])

/** Masks secrets so the log can be shown on the phone page and served over HTTP. */
export const redactBody = (body: unknown): unknown => {
  if (body === null || typeof body !== "object" || Array.isArray(body)) {
    return body
  }
  return Object.fromEntries(
    Object.entries(body as Record<string, unknown>).map(([k, v]) => [
      k,
      SECRET_FIELDS.has(k) ? "***" : v,
    ])
  )
}
