import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { findHeldMpesaSession, orderTokenFor } from "../../../../lib/order-link"
import { mpesaProviderOptions } from "../../../../lib/provider-options"
import { lookupMpesaStatus } from "../../../../lib/status-lookup"
import { mayChangePhone } from "../../../../utils/holder"
import { StoreMpesaStatusQuery } from "../validators"

/**
 * GET /store/mpesa/status?cart_id=… | ?order_id=…[&token=…]: what to show the
 * shopper now, for the payment's holder only. Read-only. Asked by cart id
 * once the cart is an order, it also returns the order-link token.
 * `can_change_phone` says whether a retry may go to another number (only the
 * cart's holder before the order exists, or the signed-in customer).
 */
export async function GET(req: MedusaRequest, res: MedusaResponse) {
  const parsed = StoreMpesaStatusQuery.safeParse(req.query)
  if (!parsed.success) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, parsed.error.issues.map((i) => i.message).join("; "))
  }
  const found = await findHeldMpesaSession(req, parsed.data, mpesaProviderOptions(req.scope).providerId)
  const status = await lookupMpesaStatus(req.scope, found)
  const withToken = found.orderId && found.holder !== "token" ? { order_token: orderTokenFor(req.scope, found.orderId) } : {}
  res.setHeader("cache-control", "no-store")
  res.json({ ...status, ...withToken, can_change_phone: mayChangePhone(found.holder, !!found.orderId) })
}
