import { readiness, runProbe, type ProbeResult } from "../readiness"
import { sokoRedis } from "../redis-client"

const up = (name: string): ProbeResult => ({ name, ok: true, ms: 1 })
const down = (name: string, error = "connect ECONNREFUSED 127.0.0.1:5432"): ProbeResult => ({ name, ok: false, ms: 1, error })

describe("readiness", () => {
  it.each([
    ["PostgreSQL up, no Redis configured", 200, [up("postgres")]],
    ["PostgreSQL and Redis up", 200, [up("postgres"), up("redis")]],
    ["PostgreSQL unreachable", 503, [down("postgres")]],
    ["Redis unreachable", 503, [up("postgres"), down("redis", "Stream isn't writeable")]],
    ["both unreachable", 503, [down("postgres"), down("redis")]],
    ["nothing probed", 503, []],
  ])("%s → %i", (_case, status, results) => {
    const answer = readiness(results as ProbeResult[])
    expect(answer.status).toBe(status)
    expect(answer.body.status).toBe(status === 200 ? "ready" : "unavailable")
  })

  it("names the failing service and why", () => {
    const { body } = readiness([up("postgres"), down("redis", "Connection is closed.")])
    expect(body.checks.redis).toEqual({ ok: false, ms: 1, error: "Connection is closed." })
    expect(body.checks.postgres.ok).toBe(true)
  })
})

describe("runProbe", () => {
  it("passes when the probe answers", async () => {
    expect(await runProbe("postgres", async () => [{ "?column?": 1 }])).toMatchObject({ name: "postgres", ok: true })
  })

  it("fails, without throwing, when the database refuses the connection", async () => {
    const result = await runProbe("postgres", async () => {
      throw Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:5432"), { code: "ECONNREFUSED" })
    })
    expect(result).toMatchObject({ ok: false, error: "connect ECONNREFUSED 127.0.0.1:5432" })
    expect(readiness([result]).status).toBe(503)
  })

  it("fails when the probe throws synchronously", async () => {
    const result = await runProbe("redis", () => {
      throw new Error("Stream isn't writeable and enableOfflineQueue options is false")
    })
    expect(result.ok).toBe(false)
  })

  it("fails when the probe hangs past the timeout", async () => {
    const result = await runProbe("postgres", () => new Promise(() => undefined), 50)
    expect(result).toMatchObject({ ok: false, error: "no answer within 50 ms" })
  })
})

describe("the Redis probe against a Redis that is not there", () => {
  it("fails within the timeout (no offline queue), so readiness answers 503", async () => {
    // Port 1 on loopback: nothing listens, the connection is refused.
    const client = sokoRedis("redis://127.0.0.1:1")
    try {
      const started = Date.now()
      const result = await runProbe("redis", () => client.ping(), 1000)
      expect(result.ok).toBe(false)
      expect(Date.now() - started).toBeLessThan(1500)
      expect(readiness([{ name: "postgres", ok: true, ms: 1 }, result]).status).toBe(503)
    } finally {
      client.disconnect()
    }
  })
})
