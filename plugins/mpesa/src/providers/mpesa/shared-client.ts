import { DarajaClient } from "./client"
import { InMemoryTokenStore } from "./token-store"
import type { ResolvedMpesaOptions } from "./types"

// Daraja can revoke a token when a new one is issued, so every client in this
// process (the provider, the callback workflow, the reconciliation job) shares
// one token store instead of each holding its own token.
const tokenStore = new InMemoryTokenStore()
const clients = new Map<string, DarajaClient>()

export function sharedDarajaClient(options: ResolvedMpesaOptions): DarajaClient {
  const key = `${options.baseUrl}\n${options.consumerKey}\n${options.shortcode}\n${options.transactionType}`
  let client = clients.get(key)
  if (!client) {
    client = new DarajaClient(options, { tokenStore })
    clients.set(key, client)
  }
  return client
}
