import "server-only"
import { sdk } from "../sdk"
import { forwardedFor } from "./client-address"
import { withRetry } from "./retry"

type Query = Record<string, unknown>

export type StoreFetchOptions = {
  method?: "GET" | "POST" | "DELETE"
  query?: Query
  body?: unknown
  headers?: Record<string, string>
  /**
   * Seconds to keep the answer in Next's data cache; omit for always-fresh (carts,
   * accounts). Set on a POST only when it reads and nothing else (see `read` below).
   */
  revalidate?: number
  tags?: string[]
}

/**
 * Every call to the store API goes through here (the typed js-sdk methods do
 * not take Next's cache options). Catalog reads are cached briefly and tagged;
 * anything about a cart, an order or a shopper is fetched fresh.
 */
export async function storeFetch<T>(path: string, options: StoreFetchOptions = {}): Promise<T> {
  const { method = "GET", query, body, headers, revalidate, tags } = options
  const cacheOptions =
    revalidate !== undefined
      ? { next: { revalidate, tags } }
      : { cache: "no-store" as const }
  // A read is a GET, or a cached POST that only reads (the catalog search takes
  // its query as a body). Writes carry the shopper's address for the backend's
  // per-address limits; reads don't, so one cached answer serves every shopper.
  const read = method === "GET" || revalidate !== undefined
  const sent = read ? headers : { ...(await forwardedFor()), ...headers }
  return withRetry(
    () =>
      sdk().client.fetch<T>(path, {
        method,
        query,
        body: body as Record<string, unknown> | undefined,
        headers: sent,
        ...cacheOptions,
      } as Parameters<ReturnType<typeof sdk>["client"]["fetch"]>[1]),
    { idempotent: read }
  )
}

export const CATALOG_TTL = 60
export const SLOW_TTL = 600
