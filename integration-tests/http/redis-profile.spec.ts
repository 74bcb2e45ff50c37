import { appIntegrationTestRunner } from "../helpers/app-test-runner"
import { Modules } from "@medusajs/framework/utils"
import Redis from "ioredis"

jest.setTimeout(60_000)

const redisUrl = process.env.REDIS_URL
const describeWithRedis = redisUrl ? describe : describe.skip
if (!redisUrl) {
  console.warn("SKIPPED: Redis-profile tests need REDIS_URL (CI sets it; e.g. REDIS_URL=redis://127.0.0.1:6379)")
}

appIntegrationTestRunner({
  inApp: true,
  env: {},
  testSuite: ({ getContainer }) => {
    describeWithRedis("production profile with REDIS_URL", () => {
      it("runs events, workflows and cache on Redis", () => {
        const container = getContainer()
        expect(container.resolve(Modules.EVENT_BUS).constructor.name).toBe("RedisEventBusService")
        expect(container.resolve(Modules.CACHE).constructor.name).toBe("RedisCacheService")
        // Both workflow engines share a class name; the registered module tells them apart.
        const config = container.resolve("configModule") as { modules: Record<string, { resolve?: string }> }
        expect(config.modules[Modules.WORKFLOW_ENGINE].resolve).toBe("@medusajs/medusa/workflow-engine-redis")
      })

      it("takes locks in Redis, where another instance would see them", async () => {
        const container = getContainer()
        const locking = container.resolve(Modules.LOCKING)
        const redis = new Redis(redisUrl!)
        const key = `soko-test-lock-${Date.now()}`
        try {
          let seenInRedis = 0
          await locking.execute(key, async () => {
            seenInRedis = (await redis.keys(`*${key}*`)).length
          })
          expect(seenInRedis).toBeGreaterThan(0)
          expect((await redis.keys(`*${key}*`)).length).toBe(0)
        } finally {
          redis.disconnect()
        }
      })
    })
  },
})
