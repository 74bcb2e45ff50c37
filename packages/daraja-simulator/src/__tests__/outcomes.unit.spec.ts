import type { DarajaSimulator } from "../index"
import { DEFAULT_PHONE_SCRIPTS } from "../outcomes"
import { getToken, push, query, start } from "./helpers/daraja"
import { Receiver, startReceiver } from "./helpers/receiver"

type StkBody = { Body: { stkCallback: Record<string, unknown> } }

/** The README's phone table, verified end to end over HTTP. */
const TABLE: Array<[string, number | string, string, boolean]> = [
  ["254708374149", 0, "The service request is processed successfully.", true],
  ["254700000001", 1032, "Request cancelled by user", true],
  ["254700000002", 1037, "DS timeout user cannot be reached", false],
  ["254700000003", 1, "The balance is insufficient for the transaction.", true],
  ["254700000004", 2001, "The initiator information is invalid.", true],
  ["254700000005", 1019, "Transaction has expired", true],
  ["254700000006", 1001, "Unable to lock subscriber, a transaction is already in process for the current subscriber", true],
  ["254700000007", 1025, "An error occurred while sending a push request", true],
  ["254700000008", 9999, "An error occurred while sending a push request.", true],
  ["254700000009", "SFC_IC0003", "Operator does not exist", true],
  ["254700000010", 1032, "[STK_CB - ]Request cancelled by user", true],
  ["254700000011", 1037, "DS timeout user cannot be reached", true],
  ["254700000012", 17, "Rule limited.", true],
  ["254700000013", 2028, "The request is not permitted according to product assignment", true],
]

describe("scripted outcomes by phone number", () => {
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

  it("documents exactly the table the simulator uses", () => {
    expect(Object.keys(DEFAULT_PHONE_SCRIPTS).sort()).toEqual(TABLE.map(([p]) => p).sort())
  })

  it.each(TABLE)("%s settles with %s", async (msisdn, code, desc, calledBack) => {
    const res = await push(sim, token, receiver.url, { PhoneNumber: msisdn, PartyA: msisdn })
    expect(res.status).toBe(200)
    const id = res.body.CheckoutRequestID as string
    if (calledBack) {
      const record = await sim.waitForCallback({ checkoutRequestId: id })
      const cb = (record.body as StkBody).Body.stkCallback
      expect(cb.ResultCode).toBe(code)
      expect(cb.ResultDesc).toBe(desc)
      // CallbackMetadata only on success.
      expect("CallbackMetadata" in cb).toBe(code === 0)
    } else {
      await expect(sim.waitForCallback({ checkoutRequestId: id, timeoutMs: 50 })).rejects.toThrow(/no callback/)
      expect(sim.listCallbacks({ checkoutRequestId: id })).toEqual([])
    }
    const q = await query(sim, token, id)
    expect(q.status).toBe(200)
    expect(q.body).toMatchObject({ ResponseCode: "0", ResultCode: String(code), ResultDesc: desc })
    expect(sim.listLedger().payments).toHaveLength(code === 0 ? 1 : 0)
  })

  it("leaves any other number waiting on the phone until a person answers", async () => {
    const res = await push(sim, token, receiver.url, { PhoneNumber: "254712345678", PartyA: "254712345678" })
    const id = res.body.CheckoutRequestID as string
    expect(sim.listPrompts().map((p) => p.checkoutRequestId)).toEqual([id])
    const pending = await query(sim, token, id)
    expect(pending.status).toBe(500)
    expect(pending.body).toMatchObject({ errorCode: "500.001.1001", errorMessage: "The transaction is being processed" })
    sim.approve(id, "1234")
    const record = await sim.waitForCallback({ checkoutRequestId: id })
    expect((record.body as StkBody).Body.stkCallback.ResultCode).toBe(0)
  })

  it.each([
    ["the right PIN pays", (s: DarajaSimulator, id: string) => s.approve(id, "1234"), 0],
    ["a wrong PIN is 2001", (s: DarajaSimulator, id: string) => s.approve(id, "9999"), 2001],
    ["Cancel is 1032", (s: DarajaSimulator, id: string) => s.cancel(id), 1032],
  ])("on the phone page, %s", async (_name, answer, code) => {
    const res = await push(sim, token, receiver.url, { PhoneNumber: "254712345679", PartyA: "254712345679" })
    const id = res.body.CheckoutRequestID as string
    answer(sim, id)
    const record = await sim.waitForCallback({ checkoutRequestId: id })
    expect((record.body as StkBody).Body.stkCallback.ResultCode).toBe(code)
    expect(() => sim.cancel(id)).toThrow(/already settled/)
  })

  it("times an unanswered prompt out with 1037 and a callback", async () => {
    sim.updateSettings({ promptTimeoutMs: 20 })
    const res = await push(sim, token, receiver.url, { PhoneNumber: "254712345680", PartyA: "254712345680" })
    const record = await sim.waitForCallback({ checkoutRequestId: res.body.CheckoutRequestID as string })
    expect((record.body as StkBody).Body.stkCallback.ResultCode).toBe(1037)
  })

  it("auto-approves other numbers when the toggle is on, including prompts already open", async () => {
    const open = await push(sim, token, receiver.url, { PhoneNumber: "254712345681", PartyA: "254712345681" })
    sim.updateSettings({ autoApprove: true })
    const later = await push(sim, token, receiver.url, { PhoneNumber: "254712345682", PartyA: "254712345682" })
    for (const res of [open, later]) {
      const record = await sim.waitForCallback({ checkoutRequestId: res.body.CheckoutRequestID as string })
      expect((record.body as StkBody).Body.stkCallback.ResultCode).toBe(0)
    }
  })

  it("lets tests script a phone through the control handle, and clear it", async () => {
    sim.setOutcome("254712345683", { resultCode: 1, resultDesc: "Custom" })
    const res = await push(sim, token, receiver.url, { PhoneNumber: "254712345683", PartyA: "254712345683" })
    const record = await sim.waitForCallback({ checkoutRequestId: res.body.CheckoutRequestID as string })
    expect((record.body as StkBody).Body.stkCallback).toMatchObject({ ResultCode: 1, ResultDesc: "Custom" })
    sim.clearOutcome("254712345683")
    expect(sim.listOutcomes()["254712345683"]).toBeUndefined()
  })
})
