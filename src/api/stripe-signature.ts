import path from "node:path"
import type { MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { discoveryPath } from "@medusajs/medusa/payment-stripe"

type StripeSdk = { webhooks: { constructEvent(body: Buffer | string, signature: string, secret: string): unknown } }

let sdk: StripeSdk | undefined

/** The Stripe SDK Medusa's provider uses, for its signature check only. */
function stripeWebhooks(): StripeSdk["webhooks"] {
  if (!sdk) {
    const Stripe = require(require.resolve("stripe", { paths: [path.dirname(discoveryPath)] }))
    sdk = new Stripe("sk_signature_check_only") as StripeSdk
  }
  return sdk.webhooks
}

/**
 * Medusa's payment hook route answers 200 to anything and lets the provider
 * verify the signature later, in a subscriber. Checking it here as well gives
 * a forged or stale webhook a 400 that says why, and keeps it out of the
 * event queue; genuine ones go on to Medusa's route unchanged.
 */
export function verifyStripeSignature(req: MedusaRequest, res: MedusaResponse, next: MedusaNextFunction) {
  const secret = process.env.STRIPE_WEBHOOK_SECRET
  const raw = (req as MedusaRequest & { rawBody?: Buffer }).rawBody
  if (!secret || !raw) {
    return next()
  }
  const signature = req.headers["stripe-signature"]
  if (typeof signature !== "string") {
    res.status(400).json({ type: "invalid_data", message: "Missing Stripe-Signature header" })
    return
  }
  try {
    stripeWebhooks().constructEvent(raw, signature, secret)
  } catch (error) {
    res.status(400).json({ type: "invalid_data", message: `Invalid Stripe webhook signature: ${(error as Error).message}` })
    return
  }
  next()
}
