import type { IncomingMessage, ServerResponse } from "node:http"
import type { Sim } from "./context"
import { Control, ControlError } from "./control/api"
import { CONTROL_PREFIX, findControlRoute } from "./control/routes"
import { DarajaRequest } from "./endpoints/types"
import {
  envelope,
  invalidAuthenticationHeader,
  resourceNotFound,
  systemInternalError,
} from "./errors"
import { isJsonContentType, parseJson, readBody } from "./http/body"
import { json, raw, Reply } from "./http/reply"
import { send } from "./http/send"
import { phonePageHtml } from "./phone-page/html"
import { findDarajaRoute } from "./router"
import { Fault, Override, OverrideSubject } from "./state/overrides"
import { redactBody } from "./state/request-log"

export const faultReply = (fault: Fault): Reply =>
  fault.body !== undefined
    ? raw(fault.status ?? 500, fault.body, "text/html")
    : envelope(
        fault.status ?? 500,
        fault.errorCode ?? "500.003.02",
        fault.errorMessage ?? "System is busy. Please try again in few minutes."
      )

/** What an override can match on, read loosely from the raw body (before validation). */
const overrideSubject = (sim: Sim, endpoint: OverrideSubject["endpoint"], body: unknown): OverrideSubject => {
  const b = (body ?? {}) as Record<string, unknown>
  const queried =
    endpoint === "stkquery" && typeof b.CheckoutRequestID === "string"
      ? sim.stk.get(b.CheckoutRequestID)
      : undefined
  const phone = queried?.phoneNumber ?? b.PhoneNumber ?? b.Msisdn
  const amount = queried?.amount ?? (b.Amount === undefined ? undefined : Number(b.Amount))
  return { endpoint, phone: phone === undefined ? undefined : String(phone), amount }
}

const handleDaraja = async (
  sim: Sim,
  req: IncomingMessage,
  url: URL,
  res: ServerResponse
): Promise<void> => {
  const started = sim.now()
  const route = findDarajaRoute(url.pathname)
  const method = req.method ?? "GET"
  const bodyText = await readBody(req, sim.maxBodyBytes)
  const isJson = isJsonContentType(req.headers["content-type"])
  const parsed = isJson && !bodyText.tooLarge ? parseJson(bodyText.text) : { value: undefined, ok: true }
  const dreq: DarajaRequest = {
    method,
    path: url.pathname,
    query: url.searchParams,
    headers: req.headers,
    body: parsed.value,
    isJson,
    bodyProblem: bodyText.tooLarge ? "too-large" : parsed.ok ? undefined : "invalid-json",
  }
  let override: Override | undefined
  let reply: Reply
  if (!route) {
    reply = resourceNotFound()
  } else if (route.method !== method) {
    reply = invalidAuthenticationHeader()
  } else {
    override = sim.overrides.take(overrideSubject(sim, route.endpoint, parsed.value))
    reply = override?.fault ? faultReply(override.fault) : await route.handler(sim, dreq, { override })
    if (override && !override.fault && reply.status >= 400) {
      sim.overrides.giveBack(override)
      override = undefined
    }
  }
  const response = reply.body as Record<string, unknown> | undefined
  sim.requests.push({
    id: `req_${sim.nextRequestSeq()}`,
    at: started,
    method,
    path: url.pathname,
    endpoint: route?.endpoint,
    status: reply.status,
    body: redactBody(parsed.value),
    response: route?.endpoint === "oauth" ? "(token)" : reply.raw ?? reply.body,
    checkoutRequestId:
      (response?.CheckoutRequestID as string | undefined) ??
      ((parsed.value as Record<string, unknown> | undefined)?.CheckoutRequestID as string | undefined),
    durationMs: sim.now() - started,
  })
  sim.logger.info(`${method} ${url.pathname} ${reply.status}`)
  if (override?.latencyMs) {
    await sim.scheduler.sleep(override.latencyMs)
  }
  send(res, reply)
}

const handleControl = async (
  control: Control,
  req: IncomingMessage,
  url: URL,
  res: ServerResponse,
  maxBodyBytes: number
): Promise<void> => {
  const found = findControlRoute(req.method ?? "GET", url.pathname.slice(CONTROL_PREFIX.length))
  if (found === undefined) {
    return send(res, json(404, { error: "unknown control route" }))
  }
  if (found === "method-not-allowed") {
    return send(res, json(405, { error: "method not allowed" }))
  }
  const bodyText = await readBody(req, maxBodyBytes)
  const parsed = parseJson(bodyText.text)
  if (!parsed.ok || bodyText.tooLarge) {
    return send(res, json(400, { error: "body must be JSON" }))
  }
  try {
    const reply = await found.handler(control, {
      method: req.method ?? "GET",
      params: found.params,
      query: url.searchParams,
      body: parsed.value,
    })
    send(res, reply)
  } catch (error) {
    const status = error instanceof ControlError ? error.status : 500
    send(res, json(status, { error: (error as Error).message }))
  }
}

/** The node:http request listener: Daraja paths, the control API and the phone page. */
export const createRequestListener =
  (sim: Sim, control: Control) =>
  (req: IncomingMessage, res: ServerResponse): void => {
    const run = async (): Promise<void> => {
      const url = new URL(req.url ?? "/", "http://simulator.local")
      if (url.pathname === CONTROL_PREFIX || url.pathname.startsWith(`${CONTROL_PREFIX}/`)) {
        return handleControl(control, req, url, res, sim.maxBodyBytes)
      }
      if (sim.phonePage && req.method === "GET" && (url.pathname === "/" || url.pathname === "/phone")) {
        req.resume()
        return send(res, raw(200, phonePageHtml(), "text/html"))
      }
      return handleDaraja(sim, req, url, res)
    }
    run().catch((error: unknown) => {
      // Never a stack trace on the wire: Daraja's generic failure instead.
      sim.logger.error(`unexpected error on ${req.method} ${req.url}: ${(error as Error).message}`)
      send(res, systemInternalError())
    })
  }
