import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { findHeldMpesaSession } from "../../../../lib/order-link"
import { withPhoneLock } from "../../../../lib/phone-lock"
import { mpesaProviderOptions } from "../../../../lib/provider-options"
import { reservePushSlots } from "../../../../lib/push-limits"
import { PHONE_BUSY_MESSAGE, sendPushLimited } from "../../../../lib/push-response"
import { shopperStatus } from "../../../../lib/shopper-status"
import { currentStkRequest } from "../../../../lib/status-lookup"
import { phoneChangeRefusal } from "../../../../utils/holder"
import { normalizeKenyanPhone } from "../../../../utils/phone"
import { retryStkPushWorkflow } from "../../../../workflows/retry-stk-push"
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
  const onSession = normalizeKenyanPhone(found.session.data?.msisdn ?? found.session.data?.phone)
  const phone = normalizeKenyanPhone(body.phone ?? found.session.data?.msisdn ?? found.session.data?.phone)
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
  const outcome = await withPhoneLock(req.scope, phone.msisdn, async () => {
    const slot = await reservePushSlots(
      req.scope,
      { phone: phone.msisdn, payment_collection_id: found.session.payment_collection_id, client_key: req.ip },
      { perPhone: options.maxPushesPerPhonePerHour, perCart: options.maxPushesPerCartPerHour, perClient: options.maxPushesPerClientPerHour }
    )
    if (!slot.ok) {
      return { kind: "limited" as const, limited: slot }
    }
    try {
      const { result } = await retryStkPushWorkflow(req.scope).run({ input: { session_id: found.session.id, phone: phone.msisdn } })
      return { kind: "pushed" as const, result }
    } catch (error) {
      // Daraja refused or was unreachable: no prompt, so no slot used.
      await slot.release()
      throw error
    }
  })
  if (!outcome) {
    res.status(409).json({ type: "conflict", message: PHONE_BUSY_MESSAGE })
    return
  }
  if (outcome.kind === "limited") {
    sendPushLimited(res, outcome.limited)
    return
  }
  res.json(shopperStatus(outcome.result.session.data, outcome.result.request, found.orderId))
}
