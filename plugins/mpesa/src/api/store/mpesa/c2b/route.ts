import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { c2bInstructions } from "../../../../lib/c2b-instructions"
import { findHeldMpesaSession } from "../../../../lib/order-link"
import { mpesaProviderOptions } from "../../../../lib/provider-options"
import { StoreMpesaStatusQuery } from "../validators"

/**
 * GET /store/mpesa/c2b?order_id=…&token=… | ?cart_id=…: "Pay another way":
 * the paybill or till number, the account to type, the exact amount still
 * to pay, and whether a paybill/till payment has landed. For the payment's
 * holder only (as /store/mpesa/status); read-only.
 */
export async function GET(req: MedusaRequest, res: MedusaResponse) {
  const parsed = StoreMpesaStatusQuery.safeParse(req.query)
  if (!parsed.success) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, parsed.error.issues.map((i) => i.message).join("; "))
  }
  const found = await findHeldMpesaSession(req, parsed.data, mpesaProviderOptions(req.scope).providerId)
  res.setHeader("cache-control", "no-store")
  res.json(await c2bInstructions(req.scope, found.orderId))
}
