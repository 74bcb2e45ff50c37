import crypto from "node:crypto"

/**
 * The `Stripe-Signature` header as Stripe computes it: `t=<unix seconds>,
 * v1=<hex HMAC-SHA256 of "<t>.<payload>" keyed with the endpoint secret>`.
 */
export function signStripePayload(payload: string, secret: string, timestamp: number): string {
  const v1 = crypto.createHmac("sha256", secret).update(`${timestamp}.${payload}`, "utf8").digest("hex")
  return `t=${timestamp},v1=${v1}`
}
