import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { c2bQrInput } from "../../../../../lib/c2b-qr"
import { findHeldMpesaSession } from "../../../../../lib/order-link"
import { mpesaProviderOptions } from "../../../../../lib/provider-options"
import { DarajaError } from "../../../../../providers/mpesa/errors"
import { generatePaymentQr } from "../../../../../providers/mpesa/qr-client"
import { sharedDarajaClient } from "../../../../../providers/mpesa/shared-client"
import { StoreMpesaStatusQuery } from "../../validators"

/**
 * GET /store/mpesa/c2b/qr?order_id=…&token=…: a Dynamic QR code that fills
 * in the order's paybill/till payment (number, account, exact amount still
 * to pay) in the shopper's M-Pesa app. For the payment's holder only (as
 * /store/mpesa/c2b); writes nothing. 404 when the shop takes no paybill/till
 * payments, 409 when there is nothing to pay, 502 when Daraja fails.
 */
export async function GET(req: MedusaRequest, res: MedusaResponse) {
  const parsed = StoreMpesaStatusQuery.safeParse(req.query)
  if (!parsed.success) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, parsed.error.issues.map((i) => i.message).join("; "))
  }
  const options = mpesaProviderOptions(req.scope)
  const found = await findHeldMpesaSession(req, parsed.data, options.providerId)
  const qr = await c2bQrInput(req.scope, found.orderId)
  res.setHeader("cache-control", "no-store")
  if (!qr.ok) {
    // Answered here: Medusa's error handler swaps a 409's message for a generic one about idempotency keys.
    res.status(qr.status).json({ type: qr.status === 404 ? "not_found" : "not_allowed", message: qr.message })
    return
  }
  let image: string
  try {
    image = await generatePaymentQr(sharedDarajaClient(options), qr.input)
  } catch (error) {
    // Daraja's failure, not the shopper's: the number, account and amount on the page still work.
    const reason = error instanceof DarajaError ? error.errorMessage : error instanceof MedusaError ? error.message : "no answer"
    res.status(502).json({
      type: "payment_provider_error",
      message: `M-Pesa could not make the QR code just now (${reason.slice(0, 200)}). Pay with the paybill or till number shown instead, or try again in a minute.`,
    })
    return
  }
  res.json({ image })
}
