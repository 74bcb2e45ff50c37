import { timingSafeEqual } from "node:crypto"
import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { Modules } from "@medusajs/framework/utils"
import { mpesaProviderOptions } from "../../../../../lib/provider-options"
import { MPESA_MODULE } from "../../../../../modules/mpesa"
import type MpesaModuleService from "../../../../../modules/mpesa/service"
import { callbackSecret } from "../../../../../providers/mpesa/callback-urls"
import { parseInitiatorResult } from "../../../../../utils/initiator-result"

export const AUTHENTICATE = false

export const REVERSAL_RESULT_RECEIVED_EVENT = "mpesa.reversal_result_received"

function sameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(given)
  const b = Buffer.from(expected)
  return a.length === b.length && timingSafeEqual(a, b)
}

/** Daraja's Reversal result (or queue time-out): recorded, then settled by a subscriber. */
export async function POST(req: MedusaRequest, res: MedusaResponse) {
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
    await mpesa.createCallbackLogs({ kind: "reversal", outcome: "rejected", detail: "wrong callback secret in the URL", body })
    res.status(404).json({ message: "Not found" })
    return
  }
  const parsed = parseInitiatorResult(body)
  if (!parsed.ok) {
    await mpesa.createCallbackLogs({ kind: "reversal", outcome: "rejected", detail: parsed.reason, body })
    res.status(400).json({ ResultCode: 1, ResultDesc: `Rejected: ${parsed.reason}` })
    return
  }
  const log = await mpesa.createCallbackLogs({ kind: "reversal", outcome: "received", body })
  await req.scope.resolve(Modules.EVENT_BUS).emit({
    name: REVERSAL_RESULT_RECEIVED_EVENT,
    data: { callback_log_id: log.id },
  })
  res.json({ ResultCode: 0, ResultDesc: "Accepted" })
}
