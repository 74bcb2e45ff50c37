import type { DarajaSimulator } from "../index"
import { getToken, phone, post, push, query, start } from "./helpers/daraja"
import { Receiver, startReceiver } from "./helpers/receiver"

type StkBody = { Body: { stkCallback: { ResultCode: unknown; CallbackMetadata?: { Item: Array<{ Name: string; Value?: unknown }> } } } }

describe("control-API overrides and fault injection", () => {
  let sim: DarajaSimulator
  let receiver: Receiver
  let token: string

  beforeAll(async () => {
    sim = await start()
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

  it("sends duplicate callbacks", async () => {
    sim.addOverride({ callback: { copies: 3 } })
    const res = await push(sim, token, receiver.url)
    const id = res.body.CheckoutRequestID as string
    await sim.waitForCallback({ checkoutRequestId: id })
    await new Promise((r) => setImmediate(r))
    const deadline = Date.now() + 5000
    while (receiver.received.length < 3 && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 5))
    }
    expect(receiver.received).toHaveLength(3)
    expect(new Set(receiver.received.map((r) => r.raw)).size).toBe(1)
    expect(sim.listCallbacks({ checkoutRequestId: id }).map((c) => c.copy)).toEqual([1, 2, 3])
    expect(sim.listLedger().payments).toHaveLength(1)
  })

  it("skips the callback but STK Query still knows the result", async () => {
    sim.addOverride({ callback: { skip: true } })
    const res = await push(sim, token, receiver.url)
    const id = res.body.CheckoutRequestID as string
    await expect(sim.waitForCallback({ checkoutRequestId: id, timeoutMs: 30 })).rejects.toThrow()
    const q = await query(sim, token, id)
    expect(q.body.ResultCode).toBe("0")
  })

  it("delays the callback after settlement", async () => {
    sim.addOverride({ callback: { delayMs: 40 } })
    const res = await push(sim, token, receiver.url)
    const id = res.body.CheckoutRequestID as string
    const settled = await new Promise<boolean>((resolve) => {
      const check = () => (sim.getTransaction(id)?.status === "settled" ? resolve(true) : setImmediate(check))
      check()
    })
    expect(settled).toBe(true)
    expect(sim.listCallbacks({ checkoutRequestId: id })[0].status).toBe("scheduled")
    expect((await sim.waitForCallback({ checkoutRequestId: id })).status).toBe("delivered")
  })

  it("reports a different amount in the callback while the ledger keeps the real one", async () => {
    sim.addOverride({ callback: { amount: 999 } })
    const res = await push(sim, token, receiver.url, { Amount: 7 })
    const record = await sim.waitForCallback({ checkoutRequestId: res.body.CheckoutRequestID as string })
    const items = (record.body as StkBody).Body.stkCallback.CallbackMetadata?.Item ?? []
    expect(items.find((i) => i.Name === "Amount")?.Value).toBe(999)
    expect(sim.listLedger().payments[0].amount).toBe(7)
  })

  it("forces a result code for one matching push only", async () => {
    sim.addOverride({ phone: "254708374149", amount: 5, resultCode: 1032 })
    const codeOf = async (id: unknown) =>
      ((await sim.waitForCallback({ checkoutRequestId: id as string })).body as StkBody).Body.stkCallback.ResultCode
    const other = await push(sim, token, receiver.url, { Amount: 6 })
    // Settled before the next push to the same phone: a prompt still pending gets "being processed" (a loaded machine).
    expect(await codeOf(other.body.CheckoutRequestID)).toBe(0)
    const forced = await push(sim, token, receiver.url, { Amount: 5, PhoneNumber: "254708374149" })
    expect(forced.status).toBe(200)
    expect(await codeOf(forced.body.CheckoutRequestID)).toBe(1032)
    expect(sim.listOverrides()).toEqual([])
  })

  it.each([
    ["the default 500.003.02 envelope", {}, 500, "500.003.02"],
    ["a custom envelope", { status: 500, errorCode: "500.003.03", errorMessage: "Quota Violation" }, 500, "500.003.03"],
  ])("injects %s", async (_name, fault, status, code) => {
    sim.addOverride({ fault })
    const res = await push(sim, token, receiver.url)
    expect(res.status).toBe(status)
    expect(res.body).toMatchObject({ requestId: expect.any(String), errorCode: code })
    expect(sim.listPrompts()).toEqual([])
    expect((await push(sim, token, receiver.url)).status).toBe(200)
  })

  it("injects a raw 503 on any endpoint, including OAuth", async () => {
    sim.addOverride({ endpoint: "oauth", fault: { status: 503, body: "<html>Service Unavailable</html>" } })
    const res = await fetch(`${sim.url}/oauth/v1/generate?grant_type=client_credentials`, {
      headers: { authorization: `Basic ${Buffer.from("a:b").toString("base64")}` },
    })
    expect(res.status).toBe(503)
    expect(await res.text()).toBe("<html>Service Unavailable</html>")
  })

  it("applies an override with times 0 until it is cleared", async () => {
    const o = sim.addOverride({ endpoint: "stkquery", times: 0, fault: { status: 500 } })
    for (let i = 0; i < 3; i++) {
      expect((await query(sim, token, "ws_CO_x")).status).toBe(500)
    }
    expect(sim.removeOverride(o.id)).toBe(true)
    expect((await query(sim, token, "ws_CO_x")).status).toBe(400)
  })

  it("adds latency without delaying the effect", async () => {
    sim.addOverride({ latencyMs: 60 })
    const pending = push(sim, token, receiver.url, { PhoneNumber: "254712999001", PartyA: "254712999001" })
    // The prompt opens at once, before the late answer arrives.
    while (sim.listPrompts().length === 0) {
      await new Promise((r) => setImmediate(r))
    }
    const res = await pending
    expect(res.status).toBe(200)
    expect(sim.listPrompts()[0].checkoutRequestId).toBe(res.body.CheckoutRequestID)
  })

  it("matches STK Query overrides on the queried prompt's phone", async () => {
    const res = await push(sim, token, receiver.url, { PhoneNumber: "254712999002", PartyA: "254712999002" })
    sim.addOverride({ endpoint: "stkquery", phone: "254712999002", fault: { errorCode: "500.003.02" } })
    const q = await post(sim, "/mpesa/stkpushquery/v1/query", token, {
      ...{ BusinessShortCode: "174379", Password: "x", Timestamp: "20240101000000" },
      CheckoutRequestID: res.body.CheckoutRequestID,
    })
    expect(q.body.errorCode).toBe("500.003.02")
  })

  it.each([
    { script: "paid (sandbox number)", phone: "254708374149", code: 0, callback: true },
    { script: "cancelled", phone: phone(1), code: 1032, callback: true },
    { script: "unreachable, no callback", phone: phone(2), code: 1037, callback: false },
    { script: "interactive", phone: "254712999003", code: 0, callback: true },
  ])("holds the $script prompt open until released, then settles it as scripted", async ({ phone: msisdn, code, callback }) => {
    sim.addOverride({ hold: true })
    const res = await push(sim, token, receiver.url, { PhoneNumber: msisdn, PartyA: msisdn })
    const id = res.body.CheckoutRequestID as string
    await new Promise((r) => setTimeout(r, 30))
    expect(sim.getTransaction(id)?.status).toBe("pending")
    expect((await query(sim, token, id)).body.errorMessage).toBe("The transaction is being processed")

    expect(sim.release(id).result?.resultCode).toBe(code)
    expect(sim.getTransaction(id)?.status).toBe("settled")
    expect(sim.listLedger().payments).toHaveLength(code === 0 ? 1 : 0)
    if (callback) {
      expect((await sim.waitForCallback({ checkoutRequestId: id })).status).toBe("delivered")
    } else {
      expect(sim.listCallbacks({ checkoutRequestId: id })).toHaveLength(0)
    }
    expect(() => sim.release(id)).toThrow(/already settled/)
  })
})
