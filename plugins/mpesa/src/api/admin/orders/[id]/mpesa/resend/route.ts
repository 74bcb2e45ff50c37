import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { findMpesaSession } from "../../../../../../lib/payment-sessions"
import { withPhoneLock } from "../../../../../../lib/phone-lock"
import { mpesaProviderOptions } from "../../../../../../lib/provider-options"
import { takePushSlot } from "../../../../../../lib/push-limits"
import { shopperStatus } from "../../../../../../lib/shopper-status"
import { normalizeKenyanPhone } from "../../../../../../utils/phone"
import { ensureStkRequest } from "../../../../../../workflows/steps/ensure-stk-request"
import { retryStkPushWorkflow } from "../../../../../../workflows/retry-stk-push"
import type { AdminMpesaResendBodyType } from "../../../../mpesa/validators"

/** POST /admin/orders/:id/mpesa/resend: a new prompt to the shopper's phone (or another). */
export async function POST(req: AuthenticatedMedusaRequest<AdminMpesaResendBodyType>, res: MedusaResponse) {
  const options = mpesaProviderOptions(req.scope)
  const found = await findMpesaSession(req.scope, { order_id: req.params.id }, options.providerId)
  const { request } = await ensureStkRequest(req.scope, found.session)
  const current = shopperStatus(found.session.data, request, found.orderId)
  if (current.status === "paid") {
    throw new MedusaError(MedusaError.Types.NOT_ALLOWED, "This order is already paid with M-Pesa.")
  }
  const phone = normalizeKenyanPhone(req.validatedBody?.phone ?? found.session.data?.msisdn)
  if (!phone.ok) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, phone.reason)
  }
  const slot = await takePushSlot(
    req.scope,
    { phone: phone.msisdn, payment_collection_id: found.session.payment_collection_id, client_key: "admin" },
    { perPhone: options.maxPushesPerPhonePerHour, perCart: options.maxPushesPerCartPerHour }
  )
  if (!slot.ok) {
    res.status(429).json({ type: "too_many_requests", message: slot.message })
    return
  }
  const result = await withPhoneLock(req.scope, phone.msisdn, () =>
    retryStkPushWorkflow(req.scope).run({ input: { session_id: found.session.id, phone: phone.msisdn } })
  )
  if (!result) {
    res.status(409).json({ type: "conflict", message: "A prompt is being sent to this phone right now. Try again in a few seconds." })
    return
  }
  res.json({ transaction: result.result.request, status: shopperStatus(result.result.session.data, result.result.request, found.orderId) })
}
