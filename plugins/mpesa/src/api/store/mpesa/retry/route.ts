import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { findHeldMpesaSession } from "../../../../lib/order-link"
import { mpesaProviderOptions } from "../../../../lib/provider-options"
import { resendStkPush } from "../../../../lib/resend-push"
import { PHONE_BUSY_MESSAGE, sendPushLimited } from "../../../../lib/push-response"
import { sessionPhone } from "../../../../lib/session-phone"
import { shopperStatus } from "../../../../lib/shopper-status"
import { currentStkRequest } from "../../../../lib/status-lookup"
import { mayChangePhone, phoneChangeRefusal } from "../../../../utils/holder"
import { normalizeKenyanPhone } from "../../../../utils/phone"
import type { StoreMpesaRetryBodyType } from "../validators"

/**
 * POST /store/mpesa/retry: a new prompt for a payment that failed, was
 * cancelled or expired, on the same payment session (never a second order),
 * for the payment's holder only. Another phone only for the cart holder before
 * the order exists, or the signed-in customer.
 */
export async function POST(req: MedusaRequest<StoreMpesaRetryBodyType>, res: MedusaResponse) {
  const body = req.validatedBody
  const options = mpesaProviderOptions(req.scope)
  const found = await findHeldMpesaSession(req, body, options.providerId)
  const current = shopperStatus(found.session.data, await currentStkRequest(req.scope, found.session), found.orderId)
  if (current.status === "paid") {
    throw new MedusaError(MedusaError.Types.NOT_ALLOWED, "This order is already paid.")
  }
  if (current.status === "pending") {
    throw new MedusaError(
      MedusaError.Types.NOT_ALLOWED,
      "An M-Pesa prompt is still waiting on the phone. Answer or cancel it first, or wait a minute for it to expire."
    )
  }
  const onSession = normalizeKenyanPhone(sessionPhone(req.scope, found.session.data))
  const phone = normalizeKenyanPhone(body.phone ?? (onSession.ok ? onSession.msisdn : undefined))
  if (!phone.ok) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, phone.reason)
  }
  const refusal = phoneChangeRefusal({
    holder: found.holder,
    orderExists: !!found.orderId,
    current: onSession.ok ? onSession.msisdn : undefined,
    requested: phone.msisdn,
  })
  if (refusal) {
    throw new MedusaError(MedusaError.Types.NOT_ALLOWED, refusal)
  }
  const outcome = await resendStkPush(
    req.scope,
    { session_id: found.session.id, payment_collection_id: found.session.payment_collection_id, phone: phone.msisdn, client_key: req.ip },
    { perPhone: options.maxPushesPerPhonePerHour, perCart: options.maxPushesPerCartPerHour, perClient: options.maxPushesPerClientPerHour }
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
    ...shopperStatus(outcome.result.session.data, outcome.result.request, found.orderId),
    can_change_phone: mayChangePhone(found.holder, !!found.orderId),
  })
}
