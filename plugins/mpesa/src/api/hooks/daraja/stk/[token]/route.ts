import { timingSafeEqual } from "node:crypto"
import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { Modules } from "@medusajs/framework/utils"
import { CALLBACK_EVENT_OPTIONS } from "../../../../../lib/callback-event-options"
import { mpesaProviderOptions } from "../../../../../lib/provider-options"
import { MPESA_MODULE } from "../../../../../modules/mpesa"
import type MpesaModuleService from "../../../../../modules/mpesa/service"
import { callbackSecret } from "../../../../../providers/mpesa/callback-urls"
import { parseStkCallback } from "../../../../../utils/callback"

export const AUTHENTICATE = false

export const STK_CALLBACK_RECEIVED_EVENT = "mpesa.stk_callback_received"

const MAX_STORED_BODY = 16_000

function sameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(given)
  const b = Buffer.from(expected)
  return a.length === b.length && timingSafeEqual(a, b)
}

function storable(body: unknown): Record<string, unknown> | null {
  if (body === undefined || body === null) {
    return null
  }
  const text = JSON.stringify(body)
  return text.length <= MAX_STORED_BODY ? (body as Record<string, unknown>) : { truncated: text.slice(0, MAX_STORED_BODY) }
}

function claimedCheckoutId(body: unknown): string | null {
  const id = (body as { Body?: { stkCallback?: { CheckoutRequestID?: unknown } } } | null)?.Body?.stkCallback
    ?.CheckoutRequestID
  return typeof id === "string" ? id.slice(0, 64) : null
}

/**
 * Daraja's STK result. Unsigned, so it is only recorded here and handed to
 * the settle workflow (through an event, so any worker can take it), which
 * confirms with STK Query before anything is captured. Daraja gets its answer
 * at once.
 */
export async function POST(req: MedusaRequest, res: MedusaResponse) {
  let secret: string
  try {
    secret = callbackSecret(mpesaProviderOptions(req.scope))
  } catch {
    res.status(404).json({ message: "Not found" })
    return
  }
  const mpesa = req.scope.resolve<MpesaModuleService>(MPESA_MODULE)
  const body = req.body as unknown
  if (!sameSecret(String(req.params.token ?? ""), secret)) {
    await mpesa.createCallbackLogs({
      kind: "stk",
      checkout_request_id: claimedCheckoutId(body),
      outcome: "rejected",
      detail: "wrong callback secret in the URL",
      body: storable(body),
    })
    res.status(404).json({ message: "Not found" })
    return
  }
  const parsed = parseStkCallback(body)
  if (!parsed.ok) {
    await mpesa.createCallbackLogs({
      kind: "stk",
      checkout_request_id: parsed.checkoutRequestId ?? claimedCheckoutId(body),
      outcome: "rejected",
      detail: parsed.reason,
      body: storable(body),
    })
    res.status(400).json({ ResultCode: 1, ResultDesc: `Rejected: ${parsed.reason}` })
    return
  }
  const log = await mpesa.createCallbackLogs({
    kind: "stk",
    checkout_request_id: parsed.callback.checkoutRequestId,
    outcome: "received",
    body: storable(body),
  })
  await req.scope.resolve(Modules.EVENT_BUS).emit({
    name: STK_CALLBACK_RECEIVED_EVENT,
    data: { callback_log_id: log.id, checkout_request_id: parsed.callback.checkoutRequestId },
    options: { ...CALLBACK_EVENT_OPTIONS },
  })
  res.json({ ResultCode: 0, ResultDesc: "Accepted" })
}
