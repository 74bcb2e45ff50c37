import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { findMpesaSession } from "../../../../lib/payment-sessions"
import { withPhoneLock } from "../../../../lib/phone-lock"
import { mpesaProviderOptions } from "../../../../lib/provider-options"
import { takePushSlot } from "../../../../lib/push-limits"
import { shopperStatus } from "../../../../lib/shopper-status"
import { normalizeKenyanPhone } from "../../../../utils/phone"
import { ensureStkRequest } from "../../../../workflows/steps/ensure-stk-request"
import { retryStkPushWorkflow } from "../../../../workflows/retry-stk-push"
import type { StoreMpesaRetryBodyType } from "../validators"

/**
 * POST /store/mpesa/retry: a new prompt for a payment that failed, was
 * cancelled or expired, on the same payment session (never a second order).
 */
export async function POST(req: MedusaRequest<StoreMpesaRetryBodyType>, res: MedusaResponse) {
  const body = req.validatedBody
  const options = mpesaProviderOptions(req.scope)
  const found = await findMpesaSession(req.scope, body, options.providerId)
  const { request } = await ensureStkRequest(req.scope, found.session)
  const current = shopperStatus(found.session.data, request, found.orderId)
  if (current.status === "paid") {
    throw new MedusaError(MedusaError.Types.NOT_ALLOWED, "This order is already paid.")
  }
  if (current.status === "pending") {
    throw new MedusaError(
      MedusaError.Types.NOT_ALLOWED,
      "An M-Pesa prompt is still waiting on the phone. Answer or cancel it first, or wait a minute for it to expire."
    )
  }
  const phone = normalizeKenyanPhone(body.phone ?? found.session.data?.msisdn ?? found.session.data?.phone)
  if (!phone.ok) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, phone.reason)
  }
  const slot = await takePushSlot(
    req.scope,
    { phone: phone.msisdn, payment_collection_id: found.session.payment_collection_id, client_key: req.ip },
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
  res.json(shopperStatus(result.result.session.data, result.result.request, found.orderId))
}
