import { readiness, runProbe, type ProbeResult } from "../readiness"

const up = (name: string): ProbeResult => ({ name, ok: true, ms: 1 })
const down = (name: string, error = "connect ECONNREFUSED 127.0.0.1:5432"): ProbeResult => ({ name, ok: false, ms: 1, error })

describe("readiness", () => {
  it.each([
    ["PostgreSQL up, no Redis configured", [up("postgres")], 200],
    ["PostgreSQL and Redis up", [up("postgres"), up("redis")], 200],
    ["PostgreSQL unreachable", [down("postgres")], 503],
    ["Redis unreachable", [up("postgres"), down("redis", "Stream isn't writeable")], 503],
    ["both unreachable", [down("postgres"), down("redis")], 503],
    ["nothing probed", [], 503],
  ])("%s → %i", (_case, results, status) => {
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
