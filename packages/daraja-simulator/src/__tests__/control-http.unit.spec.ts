import type { DarajaSimulator } from "../index"
import { getToken, push, start } from "./helpers/daraja"
import { Receiver, startReceiver } from "./helpers/receiver"

describe("HTTP control API", () => {
  let sim: DarajaSimulator
  let receiver: Receiver
  let token: string

  const control = async (method: string, path: string, body?: unknown) => {
    const res = await fetch(`${sim.url}/__simulator${path}`, {
      method,
      headers: body === undefined ? {} : { "content-type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
    })
    return { status: res.status, body: (await res.json()) as any }
  }

  beforeAll(async () => {
    sim = await start()
    receiver = await startReceiver()
  })
  afterAll(async () => {
    await sim.stop()
    await receiver.stop()
  })
  beforeEach(async () => {
    await control("POST", "/reset")
    receiver.reset()
    token = await getToken(sim)
  })

  it("answers health", async () => {
    expect(await control("GET", "/health")).toEqual({ status: 200, body: { ok: true } })
  })

  it("reads and patches settings, and reset restores them", async () => {
    const patched = await control("PATCH", "/settings", { autoApprove: true, callbackDelayMs: 5, bogus: 1, pin: 42 })
    expect(patched.body).toMatchObject({ autoApprove: true, callbackDelayMs: 5, pin: "1234" })
    expect(patched.body).not.toHaveProperty("bogus")
    await control("POST", "/reset")
    expect((await control("GET", "/settings")).body).toMatchObject({ autoApprove: false, callbackDelayMs: 0 })
  })

  it("scripts a phone and lists it", async () => {
    const set = await control("POST", "/outcomes", { phone: "254712000111", resultCode: 2001 })
    expect(set.body).toMatchObject({ resultCode: 2001, callback: true })
    expect((await control("GET", "/outcomes")).body["254712000111"]).toMatchObject({ resultCode: 2001 })
    await control("PUT", "/outcomes/254712000111", { interactive: true })
    expect((await control("GET", "/outcomes")).body["254712000111"]).toBe("interactive")
    await control("DELETE", "/outcomes/254712000111")
    expect((await control("GET", "/outcomes")).body["254712000111"]).toBeUndefined()
  })

  it.each([
    [{ phone: "0712", resultCode: 1 }],
    [{ phone: "254712000111" }],
  ])("rejects a bad outcome %j with 400", async (body) => {
    const res = await control("POST", "/outcomes", body)
    expect(res.status).toBe(400)
    expect(res.body.error).toEqual(expect.any(String))
  })

  it("approves a prompt with a PIN and waits for its callback over HTTP", async () => {
    const res = await push(sim, token, receiver.url, { PhoneNumber: "254712000222", PartyA: "254712000222" })
    const id = res.body.CheckoutRequestID as string
    const prompts = await control("GET", "/prompts")
    expect(prompts.body).toEqual([expect.objectContaining({ checkoutRequestId: id, amount: 1, accountReference: "order123" })])
    const waiting = control("GET", `/callbacks/wait?checkoutRequestId=${id}&timeoutMs=5000`)
    const approved = await control("POST", `/prompts/${id}/approve`, { pin: "1234" })
    expect(approved.body).toMatchObject({ status: "settled", result: { resultCode: 0 } })
    const delivered = await waiting
    expect(delivered.body).toMatchObject({ kind: "stk", checkoutRequestId: id, status: "delivered" })
    expect((await control("GET", `/callbacks?checkoutRequestId=${id}`)).body).toHaveLength(1)
    expect((await control("GET", "/ledger")).body.payments).toHaveLength(1)
    expect((await control("GET", `/transactions/${id}`)).body).toMatchObject({ status: "settled" })
  })

  it("cancels a prompt, and refuses to answer it twice", async () => {
    const res = await push(sim, token, receiver.url, { PhoneNumber: "254712000333", PartyA: "254712000333" })
    const id = res.body.CheckoutRequestID as string
    expect((await control("POST", `/prompts/${id}/cancel`)).body).toMatchObject({ result: { resultCode: 1032 } })
    const again = await control("POST", `/prompts/${id}/approve`, {})
    expect(again.status).toBe(404)
    expect((await control("POST", "/prompts/ws_CO_nope/cancel")).status).toBe(404)
  })

  it("times out a wait with 408", async () => {
    const res = await control("GET", "/callbacks/wait?checkoutRequestId=none&timeoutMs=20")
    expect(res.status).toBe(408)
  })

  it("adds, lists and clears overrides", async () => {
    const added = await control("POST", "/overrides", { endpoint: "stkquery", times: 2, fault: {} })
    expect(added.body).toMatchObject({ id: expect.any(String), endpoint: "stkquery", times: 2, used: 0 })
    expect((await control("GET", "/overrides")).body).toHaveLength(1)
    expect((await control("DELETE", `/overrides/${added.body.id}`)).status).toBe(200)
    expect((await control("DELETE", `/overrides/${added.body.id}`)).status).toBe(404)
    await control("POST", "/overrides", {})
    await control("DELETE", "/overrides")
    expect((await control("GET", "/overrides")).body).toEqual([])
  })

  it("lists requests by endpoint with secrets masked", async () => {
    await push(sim, token, receiver.url)
    const all = await control("GET", "/requests")
    expect(all.body.map((r: { endpoint: string }) => r.endpoint)).toEqual(["oauth", "stkpush"])
    const pushes = await control("GET", "/requests?endpoint=stkpush&limit=1")
    expect(pushes.body[0]).toMatchObject({ status: 200, body: { Password: "***" } })
    expect(JSON.stringify(all.body)).not.toMatch(/access_token/)
  })

  it("serves the state the phone page polls", async () => {
    const state = await control("GET", "/state")
    expect(Object.keys(state.body).sort()).toEqual(["c2bPayments", "callbacks", "prompts", "qrCodes", "requests", "settings"])
  })

  it.each([
    ["an unknown route", "GET", "/nope", undefined, 404],
    ["a wrong method", "DELETE", "/health", undefined, 405],
  ])("answers %s with JSON", async (_name, method, path, body, status) => {
    expect((await control(method, path, body)).status).toBe(status)
  })

  it("answers malformed JSON with 400", async () => {
    const res = await fetch(`${sim.url}/__simulator/settings`, { method: "PATCH", body: "{oops" })
    expect(res.status).toBe(400)
  })
})
