import { createHmac, timingSafeEqual } from "node:crypto"

/**
 * Keeps order-link tokens apart from anything else signed with the same app
 * secret: a token is only ever a valid token, never a valid session cookie.
 */
const PURPOSE = "soko-mpesa-order-link:v1"

/**
 * The proof a guest holds for an order's M-Pesa payment: HMAC-SHA256 of the
 * order id under the app secret, base64url. The storefront gets it once the
 * cart it holds became that order, and keeps it in the order page's link.
 */
export function signOrderToken(secret: string, orderId: string): string {
  const key = createHmac("sha256", secret).update(PURPOSE).digest()
  return createHmac("sha256", key).update(orderId).digest("base64url")
}

/** Constant-time check; anything malformed is simply not valid. */
export function verifyOrderToken(secret: string, orderId: string, token: unknown): boolean {
  if (typeof token !== "string" || token.length === 0 || token.length > 100) {
    return false
  }
  const expected = Buffer.from(signOrderToken(secret, orderId))
  const given = Buffer.from(token)
  return given.length === expected.length && timingSafeEqual(given, expected)
}
