import { darajaHook } from "../../../../../lib/daraja-hook"
import { parseStkCallback } from "../../../../../utils/callback"
import { mpesaMetrics } from "../../../../../utils/telemetry"

export const AUTHENTICATE = false

function claimedCheckoutId(body: unknown): string | undefined {
  const id = (body as { Body?: { stkCallback?: { CheckoutRequestID?: unknown } } } | null)?.Body?.stkCallback?.CheckoutRequestID
  return typeof id === "string" ? id.slice(0, 64) : undefined
}

/** Daraja's STK result: settled by settle-stk-request after STK Query confirms it. */
export const POST = darajaHook("stk", (body) => {
  const parsed = parseStkCallback(body)
  // Runs once per callback that came with the right secret.
  mpesaMetrics().callbacks.add(1, { result_code: parsed.ok ? parsed.callback.resultCode.slice(0, 24) : "malformed" })
  return parsed.ok
    ? { ok: true, checkoutRequestId: parsed.callback.checkoutRequestId }
    : { ok: false, reason: parsed.reason, checkoutRequestId: parsed.checkoutRequestId ?? claimedCheckoutId(body) }
})
