import "server-only"
import { sdk } from "../sdk"
import { withRetry } from "./retry"

type Query = Record<string, unknown>

export type StoreFetchOptions = {
  method?: "GET" | "POST" | "DELETE"
  query?: Query
  body?: unknown
  headers?: Record<string, string>
  /** Seconds to keep the answer in Next's data cache; omit for always-fresh (carts, accounts). */
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
  return withRetry(
    () =>
      sdk().client.fetch<T>(path, {
        method,
        query,
        body: body as Record<string, unknown> | undefined,
        headers,
        ...cacheOptions,
      } as Parameters<ReturnType<typeof sdk>["client"]["fetch"]>[1]),
    { idempotent: method === "GET" }
  )
}

export const CATALOG_TTL = 60
export const SLOW_TTL = 600
