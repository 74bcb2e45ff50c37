import { timingSafeEqual } from "node:crypto"
import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { callbackSecret } from "../providers/mpesa/callback-urls"
import { redactHookUrl } from "../utils/redact-hook-url"
import { sanitizeCallbackBody } from "../utils/sanitize-body"
import { receiveDarajaCallbackWorkflow, type DarajaCallbackKind } from "../workflows/receive-daraja-callback"
import { mpesaProviderOptions } from "./provider-options"

export type ParsedHookBody = { ok: true; checkoutRequestId?: string } | { ok: false; reason: string; checkoutRequestId?: string }

function sameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(given)
  const b = Buffer.from(expected)
  return a.length === b.length && timingSafeEqual(a, b)
}

// A wrong secret writes nothing; these counters only feed a log line a minute,
// so a flood is visible without filling the database or the log.
const LOG_EVERY_MS = 60_000
let wrongSecrets = 0
let lastReport = 0

function countWrongSecret(req: MedusaRequest, kind: string) {
  wrongSecrets += 1
  const now = Date.now()
  if (now - lastReport >= LOG_EVERY_MS) {
    req.scope
      .resolve(ContainerRegistrationKeys.LOGGER)
      .warn(`M-Pesa hooks: ${wrongSecrets} request(s) with a wrong callback secret refused (latest: ${kind})`)
    wrongSecrets = 0
    lastReport = now
  }
}

/**
 * Checks the secret path segment of a Daraja hook. A wrong one (or M-Pesa
 * not configured) is answered 404 here and false returned: nothing more
 * may be done or written. The secret never reaches the access log.
 */
export function hookSecretOk(req: MedusaRequest, res: MedusaResponse, kind: string): boolean {
  const token = String(req.params.token ?? "")
  // Medusa's access log writes the URL when the response ends: never the secret.
  req.originalUrl = redactHookUrl(req.originalUrl)
  let secret: string
  try {
    secret = callbackSecret(mpesaProviderOptions(req.scope))
  } catch {
    res.status(404).json({ message: "Not found" })
    return false
  }
  if (!sameSecret(token, secret)) {
    countWrongSecret(req, kind)
    res.status(404).json({ message: "Not found" })
    return false
  }
  return true
}

/**
 * A Daraja callback route (STK result, Reversal/B2C result, Transaction
 * Status result). A wrong secret in the URL gets 404 and nothing is written.
 * With the right secret the body is sanitised before it is stored, a body of
 * the wrong shape is stored as rejected with a 400, and a good one goes to
 * receive-daraja-callback. Unsigned either way: what settles money is the
 * confirmation the settle workflows ask Daraja for.
 */
export function darajaHook(kind: DarajaCallbackKind, parse: (body: unknown) => ParsedHookBody) {
  return async function POST(req: MedusaRequest, res: MedusaResponse) {
    if (!hookSecretOk(req, res, kind)) {
      return
    }
    const body = sanitizeCallbackBody(req.body)
    const parsed = parse(body)
    await receiveDarajaCallbackWorkflow(req.scope).run({
      input: {
        kind,
        body,
        checkout_request_id: parsed.checkoutRequestId ?? null,
        ...(parsed.ok ? {} : { rejected: parsed.reason }),
      },
    })
    if (!parsed.ok) {
      res.status(400).json({ ResultCode: 1, ResultDesc: `Rejected: ${parsed.reason}` })
      return
    }
    res.json({ ResultCode: 0, ResultDesc: "Accepted" })
  }
}
