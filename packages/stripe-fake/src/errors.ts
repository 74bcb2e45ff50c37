import type { FormValue } from "./form"
import type { Json } from "./types"

/** A Stripe API error: thrown by a resource, sent as `{ error: body }`. */
export class StripeError extends Error {
  constructor(
    readonly status: number,
    readonly body: Json
  ) {
    super(String(body.message))
  }
}

export function err(status: number, type: string, message: string, extra: Json = {}): StripeError {
  return new StripeError(status, { type, message, ...extra })
}

export function missing(kind: string, id: string, param = "id"): StripeError {
  return err(404, "invalid_request_error", `No such ${kind}: '${id}'`, { code: "resource_missing", param })
}

export function unrecognized(method: string, path: string): StripeError {
  return err(
    404,
    "invalid_request_error",
    `Unrecognized request URL (${method}: ${path}). Please see https://stripe.com/docs or we can help at https://support.stripe.com/.`
  )
}

export function str(v: FormValue | undefined): string | undefined {
  return typeof v === "string" ? v : undefined
}

export function int(v: FormValue | undefined, param: string): number | undefined {
  if (v === undefined) {
    return undefined
  }
  if (typeof v !== "string" || !/^\d+$/.test(v)) {
    throw err(400, "invalid_request_error", `Invalid integer: ${typeof v === "string" ? v : "object"}`, { param })
  }
  return Number(v)
}

/** Stripe drops metadata keys sent with an empty value. */
export function metadata(v: FormValue | undefined): Record<string, string> {
  if (!v || typeof v !== "object" || Array.isArray(v)) {
    return {}
  }
  const out: Record<string, string> = {}
  for (const [k, val] of Object.entries(v)) {
    if (typeof val === "string" && val !== "") {
      out[k] = val
    }
  }
  return out
}
