import Redis from "ioredis"
import type { CachedToken, TokenStore } from "./token-store"

const LOCK_MS = 10_000
const WAIT_STEP_MS = 100

/**
 * Keeps the Daraja token in Redis so every server and worker uses the same
 * one, and only one of them fetches a new token at a time.
 */
export class RedisTokenStore implements TokenStore {
  constructor(
    private readonly redis: Redis,
    private readonly now: () => number = Date.now
  ) {}

  async get(key: string): Promise<CachedToken | undefined> {
    const raw = await this.redis.get(key)
    return raw ? (JSON.parse(raw) as CachedToken) : undefined
  }

  async set(key: string, token: CachedToken): Promise<void> {
    const ttl = Math.max(1, token.expiresAt - this.now())
    await this.redis.set(key, JSON.stringify(token), "PX", ttl)
  }

  async delete(key: string, accessToken: string): Promise<void> {
    const current = await this.get(key)
    if (current?.accessToken === accessToken) {
      await this.redis.del(key)
    }
  }

  async coordinate(key: string, fetchToken: () => Promise<string>): Promise<string> {
    const lockKey = `${key}:refreshing`
    if (await this.redis.set(lockKey, String(process.pid), "PX", LOCK_MS, "NX")) {
      try {
        return await fetchToken()
      } finally {
        await this.redis.del(lockKey)
      }
    }
    // Someone else is fetching: use their token when it lands.
    const deadline = this.now() + LOCK_MS
    while (this.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, WAIT_STEP_MS))
      const token = await this.get(key)
      if (token && this.now() < token.refreshAt) {
        return token.accessToken
      }
    }
    return fetchToken()
  }
}
