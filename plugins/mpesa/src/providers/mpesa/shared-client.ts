import Redis from "ioredis"
import { DarajaClient } from "./client"
import { RedisTokenStore } from "./redis-token-store"
import { InMemoryTokenStore, type TokenStore } from "./token-store"
import type { ResolvedMpesaOptions } from "./types"

// Daraja can revoke a token when a new one is issued, so every client in this
// process (the provider, the callback workflow, the reconciliation job) shares
// one token store instead of each holding its own token.
const memoryStore = new InMemoryTokenStore()
const redisStores = new Map<string, TokenStore>()
const clients = new Map<string, DarajaClient>()

function tokenStoreFor(options: ResolvedMpesaOptions): TokenStore {
  if (!options.tokenCacheRedisUrl) {
    return memoryStore
  }
  let store = redisStores.get(options.tokenCacheRedisUrl)
  if (!store) {
    // lazyConnect + no offline queue limit: a Redis hiccup surfaces as an error on the call, not a hang at boot.
    store = new RedisTokenStore(new Redis(options.tokenCacheRedisUrl, { lazyConnect: true, maxRetriesPerRequest: 2 }))
    redisStores.set(options.tokenCacheRedisUrl, store)
  }
  return store
}

export function sharedDarajaClient(options: ResolvedMpesaOptions): DarajaClient {
  const key = `${options.baseUrl}\n${options.consumerKey}\n${options.shortcode}\n${options.transactionType}`
  let client = clients.get(key)
  if (!client) {
    client = new DarajaClient(options, { tokenStore: tokenStoreFor(options) })
    clients.set(key, client)
  }
  return client
}
