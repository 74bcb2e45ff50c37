import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { lookupMpesaStatus } from "../../../../lib/status-lookup"
import { StoreMpesaStatusQuery } from "../validators"

/** GET /store/mpesa/status?order_id=… | ?cart_id=…: what to show the shopper now. */
export async function GET(req: MedusaRequest, res: MedusaResponse) {
  const parsed = StoreMpesaStatusQuery.safeParse(req.query)
  if (!parsed.success) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, parsed.error.issues.map((i) => i.message).join("; "))
  }
  res.json(await lookupMpesaStatus(req.scope, parsed.data))
}
