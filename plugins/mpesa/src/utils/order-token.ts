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

/**
 * The secret order links are signed with: the app's COOKIE_SECRET, else its
 * JWT_SECRET (both already shared by every instance and required in
 * production), else Medusa's own development default. Apps that build links
 * elsewhere (the notifications plugin's emails) use this too, so a link
 * signed there checks here.
 */
export function orderLinkSecret(http: { cookieSecret?: string; jwtSecret?: string } | undefined): string {
  return http?.cookieSecret || http?.jwtSecret || "supersecret"
}
