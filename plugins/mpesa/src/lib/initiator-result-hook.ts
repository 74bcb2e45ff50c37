import { timingSafeEqual } from "node:crypto"
import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { Modules } from "@medusajs/framework/utils"
import { MPESA_MODULE } from "../modules/mpesa"
import type MpesaModuleService from "../modules/mpesa/service"
import { callbackSecret } from "../providers/mpesa/callback-urls"
import { parseInitiatorResult } from "../utils/initiator-result"
import { CALLBACK_EVENT_OPTIONS } from "./callback-event-options"
import { mpesaProviderOptions } from "./provider-options"

/** Emitted for every accepted Reversal or B2C result; the settle workflow applies it. */
export const REFUND_RESULT_RECEIVED_EVENT = "mpesa.refund_result_received"

function sameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(given)
  const b = Buffer.from(expected)
  return a.length === b.length && timingSafeEqual(a, b)
}

/**
 * The route handler for a Daraja initiator result (Reversal or B2C, and their
 * queue time-outs): checks the URL secret, keeps every body in the callback
 * log (rejected ones too), answers at once and leaves the settling to a
 * subscriber so Daraja's time limit is never at risk.
 */
export function initiatorResultHook(kind: "reversal" | "b2c") {
  return async function POST(req: MedusaRequest, res: MedusaResponse) {
    let secret: string
    try {
      secret = callbackSecret(mpesaProviderOptions(req.scope))
    } catch {
      res.status(404).json({ message: "Not found" })
      return
    }
    const mpesa = req.scope.resolve<MpesaModuleService>(MPESA_MODULE)
    const body = (req.body ?? null) as Record<string, unknown> | null
    if (!sameSecret(String(req.params.token ?? ""), secret)) {
      await mpesa.createCallbackLogs({ kind, outcome: "rejected", detail: "wrong callback secret in the URL", body })
      res.status(404).json({ message: "Not found" })
      return
    }
    const parsed = parseInitiatorResult(body)
    if (!parsed.ok) {
      await mpesa.createCallbackLogs({ kind, outcome: "rejected", detail: parsed.reason, body })
      res.status(400).json({ ResultCode: 1, ResultDesc: `Rejected: ${parsed.reason}` })
      return
    }
    const log = await mpesa.createCallbackLogs({ kind, outcome: "received", body })
    await req.scope.resolve(Modules.EVENT_BUS).emit({
      name: REFUND_RESULT_RECEIVED_EVENT,
      data: { callback_log_id: log.id },
      options: { ...CALLBACK_EVENT_OPTIONS },
    })
    res.json({ ResultCode: 0, ResultDesc: "Accepted" })
  }
}
