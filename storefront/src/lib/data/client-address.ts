import "server-only"
import { headers } from "next/headers"
import { clientAddress, readTrustedHops } from "../util/client-address"

/**
 * The `x-forwarded-for` to send the backend: only the shopper's address as
 * this storefront's trusted hops saw it (SOKO_STOREFRONT_TRUSTED_PROXIES),
 * never the caller's own header, so the backend's per-address limits (it
 * trusts this storefront as one hop) count real addresses.
 */
export async function forwardedFor(): Promise<Record<string, string>> {
  let header: string | null
  try {
    header = (await headers()).get("x-forwarded-for")
  } catch {
    // Outside a request (build, cache revalidation): nobody to attribute.
    return {}
  }
  const address = clientAddress(header, readTrustedHops(process.env.SOKO_STOREFRONT_TRUSTED_PROXIES))
  return address ? { "x-forwarded-for": address } : {}
}
