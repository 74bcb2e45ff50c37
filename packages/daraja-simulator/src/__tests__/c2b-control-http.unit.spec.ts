import type { DarajaSimulator } from "../index"
import { getToken, post, start } from "./helpers/daraja"
import { Receiver, startReceiver } from "./helpers/receiver"

describe("HTTP control API: C2B", () => {
  let sim: DarajaSimulator
  let receiver: Receiver

  const control = async (method: string, path: string, body?: unknown) => {
    const res = await fetch(`${sim.url}/__simulator${path}`, {
      method,
      headers: body === undefined ? {} : { "content-type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
    })
    return { status: res.status, body: (await res.json()) as Record<string, any> }
  }

  const registerC2b = async () =>
    post(sim, "/mpesa/c2b/v2/registerurl", await getToken(sim), {
      ShortCode: "600984",
      ResponseType: "Completed",
      ConfirmationURL: `${receiver.url}/c2b/confirm`,
      ValidationURL: `${receiver.url}/c2b/validate`,
    })

  const pay = (body: Record<string, unknown> = {}) =>
    control("POST", "/c2b/payments", { channel: "paybill", businessNumber: "600984", accountNumber: "SOKO-7", amount: 20, ...body })

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
  })

  it("makes, lists, finds and waits for payments", async () => {
    const made = await pay()
    expect(made).toMatchObject({ status: 200, body: { status: "completed", billRefNumber: "SOKO-7" } })
    const transId = made.body.transId as string
    expect((await control("GET", "/c2b/payments?billRefNumber=SOKO-7")).body).toHaveLength(1)
    expect((await control("GET", "/c2b/payments?billRefNumber=OTHER")).body).toEqual([])
    expect((await control("GET", `/c2b/payments/${transId}`)).body.transId).toBe(transId)
    expect((await control("GET", "/c2b/payments/NOSUCHID00")).status).toBe(404)
    expect((await control("GET", "/c2b/payments/wait?shortCode=600984&timeoutMs=50")).body.transId).toBe(transId)
    expect((await control("GET", "/c2b/payments/wait?shortCode=600111&timeoutMs=20")).status).toBe(408)
  })

  it("loses a confirmation on request, then delivers it late", async () => {
    await registerC2b()
    const made = await pay({ confirmation: { skip: true } })
    expect(made.body.confirmation).toBe("dropped")
    const transId = made.body.transId as string
    const resent = await control("POST", `/c2b/payments/${transId}/confirmation`)
    expect(resent).toMatchObject({ status: 200, body: { kind: "c2b-confirmation", transId, copy: 1 } })
    await sim.waitForCallback({ kind: "c2b-confirmation", transId })
    expect(receiver.received.filter((r) => r.path === "/c2b/confirm")).toHaveLength(1)
  })

  it("refuses to resend the confirmation of an unknown payment", async () => {
    const res = await control("POST", "/c2b/payments/NOSUCHID00/confirmation")
    expect(res.status).toBe(404)
    expect(res.body.error).toBe("no C2B payment with TransID NOSUCHID00")
  })

  it("refuses to confirm a rejected payment", async () => {
    await registerC2b()
    receiver.answer("/c2b/validate", 200, { ResultCode: "C2B00013", ResultDesc: "Invalid amount" })
    const made = await pay()
    expect(made.body).toMatchObject({ status: "rejected", resultCode: "C2B00013" })
    const res = await control("POST", `/c2b/payments/${made.body.transId}/confirmation`)
    expect(res.status).toBe(409)
    expect(res.body.error).toMatch(/is rejected: only completed payments are confirmed/)
  })

  it.each([
    [{ confirmation: { copies: 0 } }, "confirmation.copies must be a whole number from 1 to 20"],
    [{ confirmation: { copies: 21 } }, "confirmation.copies must be a whole number from 1 to 20"],
    [{ amount: "abc" }, "Amount must be whole shillings"],
    [{ channel: 7 }, 'channel must be "paybill", "till" or "qr".'],
  ])("answers 400 with a sentence for %j", async (patch, message) => {
    const res = await pay(patch)
    expect(res.status).toBe(400)
    expect(res.body.error).toContain(message)
    expect((await control("GET", "/c2b/payments")).body).toEqual([])
  })

  it("lists C2B and Pull registrations, and reset forgets them", async () => {
    await registerC2b()
    await post(sim, "/pulltransactions/v1/register", await getToken(sim), {
      ShortCode: "600984",
      RequestType: "Pull",
      NominatedNumber: "254708374149",
      CallBackURL: `${receiver.url}/pull`,
    })
    expect((await control("GET", "/c2b/registrations")).body).toEqual([
      expect.objectContaining({ shortCode: "600984", responseType: "Completed" }),
    ])
    expect((await control("GET", "/pull/registrations")).body).toEqual([expect.objectContaining({ shortCode: "600984" })])
    await control("POST", "/reset")
    expect((await control("GET", "/c2b/registrations")).body).toEqual([])
    expect((await control("GET", "/pull/registrations")).body).toEqual([])
  })
})
