import { randomUUID } from "node:crypto"
import type { MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { normalizeKenyanPhone } from "../utils/phone"
import { ensureStkRequest } from "../workflows/steps/ensure-stk-request"
import { mpesaProviderOptions } from "./provider-options"
import { takePushSlot } from "./push-limits"

type SessionBody = { provider_id?: unknown; data?: { phone?: unknown } }

/**
 * Runs before Medusa's own "create payment session" route when the provider
 * is M-Pesa: a clear 400 for a bad phone, a 429 when the phone or cart has had
 * too many prompts, one push at a time per phone, and, once Medusa has
 * answered, the STK request recorded in the M-Pesa ledger.
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
  const slot = await takePushSlot(
    req.scope,
    { phone: phone.msisdn, payment_collection_id: collectionId, client_key: req.ip },
    { perPhone: options.maxPushesPerPhonePerHour, perCart: options.maxPushesPerCartPerHour }
  )
  if (!slot.ok) {
    res.status(429).json({ type: "too_many_requests", message: slot.message })
    return
  }
  const locking = req.scope.resolve(Modules.LOCKING)
  const key = `mpesa-phone:${phone.msisdn}`
  const ownerId = randomUUID()
  try {
    await locking.acquire(key, { ownerId, expire: 30 })
  } catch {
    res.status(409).json({
      type: "conflict",
      message: "A payment prompt is being sent to this phone right now. Try again in a few seconds.",
    })
    return
  }
  const logger = req.scope.resolve(ContainerRegistrationKeys.LOGGER)
  let done = false
  const finish = async () => {
    if (done) {
      return
    }
    done = true
    await locking.release(key, { ownerId }).catch(() => undefined)
    if (res.statusCode >= 300) {
      return
    }
    try {
      const sessions = await req.scope.resolve(Modules.PAYMENT).listPaymentSessions({
        payment_collection_id: collectionId,
        provider_id: options.providerId,
      })
      for (const session of sessions) {
        await ensureStkRequest(req.scope, {
          id: session.id,
          payment_collection_id: session.payment_collection_id,
          data: session.data as never,
        })
      }
    } catch (error) {
      // The reconciliation job records it later; the shopper's request already succeeded.
      logger.warn(`Could not record the M-Pesa STK request for ${collectionId}: ${(error as Error).message}`)
    }
  }
  res.once("finish", () => void finish())
  res.once("close", () => void finish())
  next()
}
