import { startDarajaSimulator } from "../index"

describe("overrides survive requests Daraja refuses", () => {
  it("keeps a callback override for the retry after a stale token", async () => {
    const sim = await startDarajaSimulator({ port: 0, callbackDelayMs: 0, ruleLimitWindowMs: 0 })
    try {
      sim.addOverride({ endpoint: "stkpush", resultCode: 1032 })
      const refused = await fetch(`${sim.url}/mpesa/stkpush/v1/processrequest`, {
        method: "POST",
        headers: { "content-type": "application/json", authorization: "Bearer stale" },
        body: "{}",
      })
      expect(refused.status).toBe(404)
      expect(sim.listOverrides()).toHaveLength(1)
      expect(sim.listOverrides()[0].used).toBe(0)
    } finally {
      await sim.stop()
    }
  })
})
