import type { C2bPayInput } from "../c2b/pay-input"
import type { CallbackFilter, CallbackKind } from "../callbacks/store"
import { json, Reply } from "../http/reply"
import type { Settings } from "../options"
import type { C2bPaymentFilter } from "../state/c2b-payments"
import type { OverrideInput } from "../state/overrides"
import type { Control, OutcomeInput } from "./api"

export const CONTROL_PREFIX = "/__simulator"

export interface ControlRequest {
  method: string
  params: string[]
  query: URLSearchParams
  body: unknown
}

type ControlHandler = (control: Control, req: ControlRequest) => Reply | Promise<Reply>

interface ControlRoute {
  method: string
  pattern: RegExp
  handler: ControlHandler
}

const route = (method: string, path: string, handler: ControlHandler): ControlRoute => ({
  method,
  pattern: new RegExp(`^${path.replace(/:[a-zA-Z]+/g, "([^/]+)")}/?$`),
  handler,
})

const objectBody = (body: unknown): Record<string, unknown> =>
  body !== null && typeof body === "object" && !Array.isArray(body)
    ? (body as Record<string, unknown>)
    : {}

const callbackFilter = (q: URLSearchParams): CallbackFilter => ({
  kind: (q.get("kind") ?? undefined) as CallbackKind | undefined,
  checkoutRequestId: q.get("checkoutRequestId") ?? undefined,
  conversationId: q.get("conversationId") ?? undefined,
  transId: q.get("transId") ?? undefined,
})

const c2bFilter = (q: URLSearchParams): C2bPaymentFilter => ({
  shortCode: q.get("shortCode") ?? undefined,
  transId: q.get("transId") ?? undefined,
  billRefNumber: q.get("billRefNumber") ?? undefined,
  status: (q.get("status") ?? undefined) as C2bPaymentFilter["status"],
})

const timeoutOf = (q: URLSearchParams): number => Math.min(Number(q.get("timeoutMs")) || 10_000, 120_000)

const ok = (): Reply => json(200, { ok: true })

const updateSettings: ControlHandler = (c, r) =>
  json(200, c.updateSettings(objectBody(r.body) as Partial<Settings>))

const CONTROL_ROUTES: ControlRoute[] = [
  route("GET", "/health", () => ok()),
  route("POST", "/reset", (c) => {
    c.reset()
    return ok()
  }),
  route("GET", "/settings", (c) => json(200, c.getSettings())),
  route("PATCH", "/settings", updateSettings),
  route("POST", "/settings", updateSettings),
  route("PUT", "/settings", updateSettings),
  route("GET", "/outcomes", (c) => json(200, c.listOutcomes())),
  route("POST", "/outcomes", (c, r) => {
    const body = objectBody(r.body)
    return json(200, c.setOutcome(String(body.phone ?? ""), body as OutcomeInput))
  }),
  route("PUT", "/outcomes/:phone", (c, r) =>
    json(200, c.setOutcome(r.params[0], objectBody(r.body) as OutcomeInput))
  ),
  route("DELETE", "/outcomes/:phone", (c, r) => {
    c.clearOutcome(r.params[0])
    return ok()
  }),
  route("GET", "/overrides", (c) => json(200, c.listOverrides())),
  route("POST", "/overrides", (c, r) => json(200, c.addOverride(objectBody(r.body) as OverrideInput))),
  route("DELETE", "/overrides", (c) => {
    c.clearOverrides()
    return ok()
  }),
  route("DELETE", "/overrides/:id", (c, r) =>
    c.removeOverride(r.params[0]) ? ok() : json(404, { error: "unknown override" })
  ),
  route("GET", "/requests", (c, r) =>
    json(
      200,
      c.listRequests({
        endpoint: r.query.get("endpoint") ?? undefined,
        limit: Number(r.query.get("limit")) || undefined,
      })
    )
  ),
  route("GET", "/callbacks", (c, r) => json(200, c.listCallbacks(callbackFilter(r.query)))),
  route("GET", "/callbacks/wait", async (c, r) =>
    json(
      200,
      await c.waitForCallback({
        ...callbackFilter(r.query),
        timeoutMs: timeoutOf(r.query),
      })
    )
  ),
  route("GET", "/prompts", (c) => json(200, c.listPrompts())),
  route("POST", "/prompts/:id/approve", (c, r) => {
    const pin = objectBody(r.body).pin
    return json(200, c.approve(r.params[0], pin === undefined ? undefined : String(pin)))
  }),
  route("POST", "/prompts/:id/cancel", (c, r) => json(200, c.cancel(r.params[0]))),
  route("POST", "/prompts/:id/release", (c, r) => json(200, c.release(r.params[0]))),
  route("GET", "/transactions", (c) => json(200, c.listTransactions())),
  route("GET", "/transactions/:id", (c, r) => {
    const tx = c.getTransaction(r.params[0])
    return tx ? json(200, tx) : json(404, { error: "unknown CheckoutRequestID" })
  }),
  route("GET", "/ledger", (c) => json(200, c.listLedger())),
  route("POST", "/c2b/payments", async (c, r) => json(200, await c.payC2b(objectBody(r.body) as unknown as C2bPayInput))),
  route("GET", "/c2b/payments", (c, r) => json(200, c.listC2bPayments(c2bFilter(r.query)))),
  route("GET", "/c2b/payments/wait", async (c, r) =>
    json(200, await c.waitForC2bPayment({ ...c2bFilter(r.query), timeoutMs: timeoutOf(r.query) }))
  ),
  route("GET", "/c2b/payments/:transId", (c, r) => {
    const payment = c.getC2bPayment(r.params[0])
    return payment ? json(200, payment) : json(404, { error: "unknown TransID" })
  }),
  route("POST", "/c2b/payments/:transId/confirmation", (c, r) => json(200, c.resendC2bConfirmation(r.params[0]))),
  route("GET", "/c2b/registrations", (c) => json(200, c.listC2bRegistrations())),
  route("GET", "/pull/registrations", (c) => json(200, c.listPullRegistrations())),
  route("GET", "/qr-codes", (c) => json(200, c.listQrCodes())),
  route("POST", "/qr-codes/read", (c, r) => json(200, c.readQrCode(objectBody(r.body).payload as string))),
  route("GET", "/state", (c) =>
    json(200, {
      settings: c.getSettings(),
      prompts: c.listPrompts(),
      requests: c.listRequests({ limit: 50 }),
      callbacks: c.listCallbacks().slice(-50),
      c2bPayments: c.listC2bPayments().slice(-20),
      qrCodes: c.listQrCodes().slice(-20),
    })
  ),
]

const safeDecode = (part: string): string => {
  try {
    return decodeURIComponent(part)
  } catch {
    return part
  }
}

/** The handler for a control path (without the prefix), or undefined. */
export const findControlRoute = (
  method: string,
  path: string
): { handler: ControlHandler; params: string[] } | "method-not-allowed" | undefined => {
  let pathMatched = false
  for (const r of CONTROL_ROUTES) {
    const m = r.pattern.exec(path)
    if (!m) {
      continue
    }
    pathMatched = true
    if (r.method === method) {
      return { handler: r.handler, params: m.slice(1).map(safeDecode) }
    }
  }
  return pathMatched ? "method-not-allowed" : undefined
}
