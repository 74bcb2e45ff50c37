import { randomUUID } from "node:crypto"
import { context, createContextKey, trace, type Context } from "@medusajs/framework/opentelemetry/api"
import type { MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"

/** The span attribute (and log field, through Medusa's access log) that ties a request together. */
export const REQUEST_ID_ATTRIBUTE = "soko.request_id"
export const REQUEST_ID_HEADER = "x-request-id"

/** Symbol.for-based, so the SDK side (instrumentation.ts) and the routes share it. */
export const REQUEST_ID_KEY = createContextKey("soko.request_id")

/** A caller's id is kept only if it is short and plain (a UUID, a load balancer's trace id). */
const SAFE_REQUEST_ID = /^[A-Za-z0-9._:-]{8,128}$/

export function acceptedRequestId(given: unknown): string | undefined {
  const value = Array.isArray(given) ? given[0] : given
  return typeof value === "string" && SAFE_REQUEST_ID.test(value) ? value : undefined
}

/**
 * Every request gets an id: the caller's `x-request-id` when it is safe,
 * otherwise a new UUID. It replaces Medusa's `req.requestId` (which takes the
 * header unchecked, and is what Medusa's JSON access log writes as
 * request_id), is echoed in the response header, and is put on the active
 * span and in the OTel context, where RequestIdSpanProcessor copies it onto
 * every span the request starts (route, workflows, steps, queries, SQL).
 */
export function requestId(req: MedusaRequest, res: MedusaResponse, next: MedusaNextFunction) {
  const id = acceptedRequestId(req.headers[REQUEST_ID_HEADER]) ?? randomUUID()
  ;(req as unknown as { requestId: string }).requestId = id
  res.setHeader(REQUEST_ID_HEADER, id)
  trace.getActiveSpan()?.setAttribute(REQUEST_ID_ATTRIBUTE, id)
  context.with(context.active().setValue(REQUEST_ID_KEY, id), next)
}

/** The request id carried by `ctx`, if any. */
export function requestIdFrom(ctx: Context): string | undefined {
  const value = ctx.getValue(REQUEST_ID_KEY)
  return typeof value === "string" ? value : undefined
}
