import Redis from "ioredis"
import { RateLimiterRes } from "rate-limiter-flexible"
import { createLimiter } from "../limiters"

const redisUrl = process.env.REDIS_URL
const describeWithRedis = redisUrl ? describe : describe.skip
if (!redisUrl) {
  console.warn("SKIPPED: shared-limit tests need REDIS_URL (CI sets it; e.g. REDIS_URL=redis://127.0.0.1:6379)")
}

describeWithRedis("limits shared across two servers (one Redis)", () => {
  const prefix = `soko-test-limits-${process.pid}-${Date.now()}`
  // Two connections and two limiter objects: what two server processes would hold.
  let serverA: Redis
  let serverB: Redis

  beforeAll(() => {
    serverA = new Redis(redisUrl!, { enableOfflineQueue: true })
    serverB = new Redis(redisUrl!, { enableOfflineQueue: true })
  })

  afterAll(async () => {
    const keys = await serverA.keys(`${prefix}*`)
    if (keys.length) {
      await serverA.del(...keys)
    }
    serverA.disconnect()
    serverB.disconnect()
  })

  it("counts one shopper's attempts once, whichever server answers, and both refuse past the limit", async () => {
    const limit = { points: 5, windowSeconds: 60 }
    const a = createLimiter("login_address", limit, { redis: serverA, prefix })
    const b = createLimiter("login_address", limit, { redis: serverB, prefix })
    for (let i = 0; i < 5; i++) {
      await (i % 2 === 0 ? a : b).consume("198.51.100.7")
    }
    const refusedByA = await a.consume("198.51.100.7").catch((e: unknown) => e)
    const refusedByB = await b.consume("198.51.100.7").catch((e: unknown) => e)
    expect(refusedByA).toBeInstanceOf(RateLimiterRes)
    expect(refusedByB).toBeInstanceOf(RateLimiterRes)
    expect((refusedByB as RateLimiterRes).msBeforeNext).toBeGreaterThan(0)
    expect((refusedByB as RateLimiterRes).msBeforeNext).toBeLessThanOrEqual(60_000)
    // Another address on either server is unaffected.
    await expect(b.consume("198.51.100.8")).resolves.toMatchObject({ consumedPoints: 1 })
    expect((await serverA.keys(`${prefix}*`)).length).toBeGreaterThan(0)
  })

  it("keeps separate counts for separate shops (prefixes)", async () => {
    const limit = { points: 1, windowSeconds: 60 }
    const shop1 = createLimiter("cart_address", limit, { redis: serverA, prefix: `${prefix}-1` })
    const shop2 = createLimiter("cart_address", limit, { redis: serverB, prefix: `${prefix}-2` })
    await shop1.consume("198.51.100.9")
    await expect(shop2.consume("198.51.100.9")).resolves.toMatchObject({ consumedPoints: 1 })
  })
})
