import type Redis from "ioredis"
import { RateLimiterMemory, RateLimiterRedis, type RateLimiterAbstract } from "rate-limiter-flexible"
import type { Limit, LimitName } from "./rules"

export type LimiterStore = { redis?: Redis; prefix: string }

/**
 * One limiter for a limit: in Redis when the app has REDIS_URL, so every server
 * instance shares the count, else in this process's memory (the embedded
 * default runs one process). A Redis outage falls back to a per-process memory
 * count (the library's insurance limiter) rather than refusing or failing.
 */
export function createLimiter(name: LimitName, limit: Limit, store: LimiterStore): RateLimiterAbstract {
  const options = { points: limit.points, duration: limit.windowSeconds, keyPrefix: `${store.prefix}:limit:${name}` }
  if (!store.redis) {
    return new RateLimiterMemory(options)
  }
  return new RateLimiterRedis({
    ...options,
    storeClient: store.redis,
    insuranceLimiter: new RateLimiterMemory(options),
  })
}
