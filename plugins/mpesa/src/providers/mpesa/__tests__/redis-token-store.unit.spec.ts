import Redis from "ioredis"
import { startDarajaSimulator } from "@soko/daraja-simulator"
import { DarajaClient } from "../client"
import { validateMpesaOptions } from "../options"
import { RedisTokenStore } from "../redis-token-store"

const redisUrl = process.env.REDIS_URL
const describeWithRedis = redisUrl ? describe : describe.skip
if (!redisUrl) {
  console.warn("SKIPPED: shared Daraja token tests need REDIS_URL")
}

describeWithRedis("Daraja token shared through Redis", () => {
  it("gives several processes one token and one OAuth call, even when they ask at once", async () => {
    const sim = await startDarajaSimulator({ port: 0, callbackDelayMs: 0, revokeOldTokens: true })
    const connections = [new Redis(redisUrl!), new Redis(redisUrl!), new Redis(redisUrl!)]
    try {
      const options = validateMpesaOptions({
        consumerKey: `shared-${Date.now()}`,
        consumerSecret: "secret",
        shortcode: "174379",
        passkey: "bfb279f9aa9bdbcf158e97dd71a467cd2e0c893059b10f78e6b72ada1ed2c919",
        baseUrl: sim.url,
        callbackUrl: "http://localhost:9000",
      })
      // One client per connection stands for one server or worker process.
      const clients = connections.map((redis) => new DarajaClient(options, { tokenStore: new RedisTokenStore(redis) }))
      const tokens = await Promise.all(clients.flatMap((c) => [c.getToken(), c.getToken()]))
      expect(new Set(tokens).size).toBe(1)
      expect(sim.listRequests({ endpoint: "oauth" })).toHaveLength(1)
      // The shared token works for every process (a second token would have revoked it).
      const phones = ["0708374149", "0700000005", "0712345678"]
      const pushes = await Promise.all(
        clients.map((c, i) => c.stkPush({ phone: phones[i], amount: 10, callbackUrl: "http://localhost:9/x" }))
      )
      expect(pushes.map((p) => p.checkoutRequestId)).toHaveLength(3)
      expect(sim.listRequests({ endpoint: "oauth" })).toHaveLength(1)
    } finally {
      connections.forEach((c) => c.disconnect())
      await sim.stop()
    }
  })
})
