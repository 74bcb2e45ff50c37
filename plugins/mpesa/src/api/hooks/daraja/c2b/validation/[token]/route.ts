import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { hookSecretOk } from "../../../../../../lib/daraja-hook"
import { parseC2bNotification } from "../../../../../../utils/c2b-notification"
import { C2B_VALIDATION_CODES } from "../../../../../../utils/c2b-validation"
import { validateMpesaC2bPaymentWorkflow } from "../../../../../../workflows/validate-mpesa-c2b-payment"

export const AUTHENTICATE = false

/**
 * Daraja asks whether to accept a paybill/till payment before the money
 * moves (only when the merchant enabled validation; otherwise every
 * payment is accepted). Refusals carry Daraja's C2B0001x codes.
 */
export async function POST(req: MedusaRequest, res: MedusaResponse) {
  if (!hookSecretOk(req, res, "c2b-validation")) {
    return
  }
  const parsed = parseC2bNotification(req.body)
  if (!parsed.ok) {
    res.status(400).json({ ResultCode: C2B_VALIDATION_CODES.OTHER, ResultDesc: `Rejected: ${parsed.reason}` })
    return
  }
  const { result } = await validateMpesaC2bPaymentWorkflow(req.scope).run({
    input: { record: parsed.record, account: parsed.account, phone: parsed.phone },
  })
  res.json(result)
}
