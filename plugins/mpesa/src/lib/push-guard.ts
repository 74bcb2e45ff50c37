import { randomUUID } from "node:crypto"
import type { MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { pushRefusal } from "../utils/push-eligibility"
import { normalizeKenyanPhone } from "../utils/phone"
import { recordStkRequestsWorkflow } from "../workflows/record-stk-requests"
import { mpesaProviderOptions } from "./provider-options"
import { reservePushSlots } from "./push-limits"
import { PHONE_BUSY_MESSAGE, sendPushLimited } from "./push-response"
import { pushTargetOf } from "./push-target"

type SessionBody = { provider_id?: unknown; data?: { phone?: unknown } }

/**
 * Runs before Medusa's own "create payment session" route when the provider
 * is M-Pesa. In this order, so nothing is counted for a request that cannot
 * push: a clear 400 for a bad phone; 404/400 unless the payment collection is
 * an existing, open KES cart's; 409 while another prompt goes to the phone;
 * 429 with Retry-After past the limits per phone, cart and client address.
 * A push that Medusa does not answer with success gives its slots back.
 */
export async function mpesaPushGuard(req: MedusaRequest, res: MedusaResponse, next: MedusaNextFunction) {
  const body = (req.body ?? {}) as SessionBody
  if (typeof body.provider_id !== "string" || !body.provider_id.startsWith("pp_mpesa")) {
    return next()
  }
  let options
  try {
    options = mpesaProviderOptions(req.scope)
  } catch {
    return next()
  }
  const phone = normalizeKenyanPhone(body.data?.phone)
  if (!phone.ok) {
    res.status(400).json({ type: "invalid_data", message: phone.reason })
    return
  }
  const collectionId = req.params.id
  const refusal = pushRefusal(await pushTargetOf(req.scope, collectionId))
  if (refusal) {
    res.status(refusal.status).json({ type: refusal.type, message: refusal.message })
    return
  }
  const locking = req.scope.resolve(Modules.LOCKING)
  const key = `mpesa-phone:${phone.msisdn}`
  const ownerId = randomUUID()
  try {
    await locking.acquire(key, { ownerId, expire: 30 })
  } catch {
    res.status(409).json({ type: "conflict", message: PHONE_BUSY_MESSAGE })
    return
  }
  let slot
  try {
    slot = await reservePushSlots(
      req.scope,
      { phone: phone.msisdn, payment_collection_id: collectionId, client_key: req.ip },
      { perPhone: options.maxPushesPerPhonePerHour, perCart: options.maxPushesPerCartPerHour, perClient: options.maxPushesPerClientPerHour }
    )
  } catch (error) {
    await locking.release(key, { ownerId }).catch(() => undefined)
    return next(error)
  }
  if (!slot.ok) {
    await locking.release(key, { ownerId }).catch(() => undefined)
    sendPushLimited(res, slot)
    return
  }
  const reserved = slot
  const logger = req.scope.resolve(ContainerRegistrationKeys.LOGGER)
  let done = false
  const finish = async () => {
    if (done) {
      return
    }
    done = true
    await locking.release(key, { ownerId }).catch(() => undefined)
    if (res.statusCode >= 300) {
      // Daraja refused, or the session could not be made: no prompt was sent.
      await reserved.release().catch(() => undefined)
      return
    }
    try {
      await recordStkRequestsWorkflow(req.scope).run({
        input: { payment_collection_id: collectionId, provider_id: options.providerId },
      })
    } catch (error) {
      // The reconciliation job records it later; the shopper's request already succeeded.
      logger.warn(`Could not record the M-Pesa STK request for ${collectionId}: ${(error as Error).message}`)
    }
  }
  res.once("finish", () => void finish())
  res.once("close", () => void finish())
  next()
}
