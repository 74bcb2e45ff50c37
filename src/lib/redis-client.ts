import Redis from "ioredis"

const clients = new Map<string, Redis>()

/**
 * One ioredis connection per URL for Soko's app code (limits, readiness).
 * No offline queue: while Redis is down a command fails at once, so limits
 * fall back to memory and readiness answers 503 instead of hanging.
 */
export function sokoRedis(url: string): Redis {
  let client = clients.get(url)
  if (!client) {
    client = new Redis(url, { maxRetriesPerRequest: 1, enableOfflineQueue: false, lazyConnect: false })
    // Errors surface on the commands; without a listener ioredis logs each reconnect as unhandled.
    client.on("error", () => undefined)
    clients.set(url, client)
  }
  return client
}
