/**
 * The shopper's address as this storefront's own trusted proxies report it,
 * for the backend's per-address limits. `x-forwarded-for` is a list each proxy
 * appends to, so only the last `trustedHops` entries were written by proxies we
 * run; anything left of them is whatever the caller sent. With no proxy in
 * front (`trustedHops` 1 counts Next.js itself, which fills the header with the
 * socket address when the caller sent none), the rightmost entry is used.
 * Returns undefined when there is nothing trustworthy (0 hops, no header).
 */
export function clientAddress(forwardedFor: string | null | undefined, trustedHops: number): string | undefined {
  if (!forwardedFor || trustedHops < 1) {
    return undefined
  }
  const entries = forwardedFor
    .split(",")
    .map((entry) => entry.trim())
    .filter(Boolean)
  const address = entries[entries.length - trustedHops]
  return address && /^[0-9a-fA-F.:]{2,45}$/.test(address) ? address : undefined
}

/** SOKO_STOREFRONT_TRUSTED_PROXIES: a whole number 0–10, default 1. */
export function readTrustedHops(raw: string | undefined): number {
  const value = raw?.trim()
  if (!value) {
    return 1
  }
  if (!/^\d+$/.test(value) || Number(value) > 10) {
    throw new Error(`SOKO_STOREFRONT_TRUSTED_PROXIES: must be a whole number from 0 to 10 (got "${value}")`)
  }
  return Number(value)
}
