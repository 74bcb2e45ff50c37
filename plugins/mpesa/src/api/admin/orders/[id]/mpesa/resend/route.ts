import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { findMpesaSession } from "../../../../../../lib/payment-sessions"
import { mpesaProviderOptions } from "../../../../../../lib/provider-options"
import { PHONE_BUSY_MESSAGE, sendPushLimited } from "../../../../../../lib/push-response"
import { resendStkPush } from "../../../../../../lib/resend-push"
import { sessionPhone } from "../../../../../../lib/session-phone"
import { currentStkRequest } from "../../../../../../lib/status-lookup"
import { shopperStatus } from "../../../../../../lib/shopper-status"
import { normalizeKenyanPhone } from "../../../../../../utils/phone"
import type { AdminMpesaResendBodyType } from "../../../../mpesa/validators"

/** POST /admin/orders/:id/mpesa/resend: a new prompt to the shopper's phone (or another). */
export async function POST(req: AuthenticatedMedusaRequest<AdminMpesaResendBodyType>, res: MedusaResponse) {
  const options = mpesaProviderOptions(req.scope)
  const found = await findMpesaSession(req.scope, { order_id: req.params.id }, options.providerId)
  const request = await currentStkRequest(req.scope, found.session)
  const current = shopperStatus(found.session.data, request, found.orderId)
  if (current.status === "paid") {
    throw new MedusaError(MedusaError.Types.NOT_ALLOWED, "This order is already paid with M-Pesa.")
  }
  const phone = normalizeKenyanPhone(req.validatedBody?.phone ?? sessionPhone(req.scope, found.session.data))
  if (!phone.ok) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, phone.reason)
  }
  // The merchant has no client-address limit; the phone and cart limits still protect the shopper.
  const outcome = await resendStkPush(
    req.scope,
    { session_id: found.session.id, payment_collection_id: found.session.payment_collection_id, phone: phone.msisdn },
    { perPhone: options.maxPushesPerPhonePerHour, perCart: options.maxPushesPerCartPerHour, perClient: Number.MAX_SAFE_INTEGER }
  )
  if (outcome.kind === "busy") {
    res.status(409).json({ type: "conflict", message: PHONE_BUSY_MESSAGE })
    return
  }
  if (outcome.kind === "limited") {
    sendPushLimited(res, outcome.limited)
    return
  }
  res.json({
    transaction: outcome.result.request,
    status: shopperStatus(outcome.result.session.data, outcome.result.request, found.orderId),
  })
}
