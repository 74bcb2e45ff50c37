import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { hookSecretOk } from "../../../../../../lib/daraja-hook"
import { parseC2bNotification } from "../../../../../../utils/c2b-notification"
import { sanitizeC2bBody } from "../../../../../../utils/sanitize-c2b-body"
import { receiveMpesaC2bPaymentWorkflow } from "../../../../../../workflows/receive-mpesa-c2b-payment"

export const AUTHENTICATE = false

/**
 * Daraja's C2B confirmation: a paybill/till payment was made. Recorded once
 * by TransID and confirmed with Transaction Status before it pays anything.
 * A body that is not a C2B payment gets 400 and nothing is written; any
 * real one gets Daraja's "accepted" (Daraja never resends on our account).
 */
export async function POST(req: MedusaRequest, res: MedusaResponse) {
  if (!hookSecretOk(req, res, "c2b-confirmation")) {
    return
  }
  const parsed = parseC2bNotification(req.body)
  if (!parsed.ok) {
    res.status(400).json({ ResultCode: "C2B00016", ResultDesc: `Rejected: ${parsed.reason}` })
    return
  }
  const stored = sanitizeC2bBody(req.body)
  await receiveMpesaC2bPaymentWorkflow(req.scope).run({
    input: { ...parsed.record, source: "confirmation", raw_body: stored && !("truncated" in stored) ? stored : null },
  })
  res.json({ ResultCode: "0", ResultDesc: "Accepted" })
}
