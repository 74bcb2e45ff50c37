import type { DarajaSimulator } from "../index"
import { getToken, push, start } from "./helpers/daraja"
import { Receiver, startReceiver } from "./helpers/receiver"

describe("callback delivery", () => {
  let sim: DarajaSimulator
  let receiver: Receiver
  let token: string

  beforeAll(async () => {
    sim = await start({ callbackRetries: 2, callbackRetryDelayMs: 1 })
    receiver = await startReceiver()
  })
  afterAll(async () => {
    await sim.stop()
    await receiver.stop()
  })
  beforeEach(async () => {
    sim.reset()
    receiver.reset()
    token = await getToken(sim)
  })

  it("retries a dead URL a bounded number of times and records every attempt", async () => {
    const res = await push(sim, token, "http://127.0.0.1:1")
    const record = await sim.waitForCallback({ checkoutRequestId: res.body.CheckoutRequestID as string })
    expect(record.status).toBe("failed")
    expect(record.attempts).toHaveLength(3)
    for (const attempt of record.attempts) {
      expect(attempt.error).toEqual(expect.any(String))
      expect(attempt.status).toBeUndefined()
    }
  })

  it("retries a receiver answering 500 and stops at the first 2xx", async () => {
    receiver.answer("/stk", 500, { error: "boom" })
    const res = await push(sim, token, receiver.url)
    const id = res.body.CheckoutRequestID as string
    const failed = await sim.waitForCallback({ checkoutRequestId: id })
    expect(failed.status).toBe("failed")
    expect(failed.attempts.map((a) => a.status)).toEqual([500, 500, 500])
    expect(receiver.received).toHaveLength(3)
  })

  it("delivers once when the receiver answers 200", async () => {
    const res = await push(sim, token, receiver.url)
    const record = await sim.waitForCallback({ checkoutRequestId: res.body.CheckoutRequestID as string })
    expect(record.status).toBe("delivered")
    expect(record.attempts).toEqual([
      expect.objectContaining({ status: 200, response: '{"ResultCode":0,"ResultDesc":"Accepted"}' }),
    ])
  })

  it("times out a receiver that never answers", async () => {
    sim.updateSettings({ callbackTimeoutMs: 30, callbackRetries: 0 })
    const http = await import("node:http")
    const sockets = new Set<import("node:net").Socket>()
    const silent = http.createServer(() => undefined)
    silent.on("connection", (s) => sockets.add(s))
    await new Promise<void>((r) => silent.listen(0, "127.0.0.1", r))
    const port = (silent.address() as import("node:net").AddressInfo).port
    try {
      const res = await push(sim, token, `http://127.0.0.1:${port}`)
      const record = await sim.waitForCallback({ checkoutRequestId: res.body.CheckoutRequestID as string })
      expect(record.status).toBe("failed")
      expect(record.attempts[0].error).toMatch(/timed out/)
    } finally {
      for (const s of sockets) {
        s.destroy()
      }
      await new Promise((r) => silent.close(r))
    }
  })

  it("stops cleanly with callbacks still scheduled", async () => {
    const other = await start({ callbackDelayMs: 60_000 })
    const t = await getToken(other)
    await push(other, t, receiver.url)
    const waiting = other.waitForCallback({ timeoutMs: 60_000 })
    await other.stop()
    await expect(waiting).rejects.toThrow(/no callback/)
    await other.stop()
  })
})
