import type { DarajaSimulator } from "../index"
import { getToken, post, push, start } from "./helpers/daraja"
import { Receiver, startReceiver } from "./helpers/receiver"

type StkBody = { Body: { stkCallback: Record<string, unknown> } }

describe("concurrency rules", () => {
  let sim: DarajaSimulator
  let receiver: Receiver
  let token: string
  let clock = Date.now()

  beforeAll(async () => {
    sim = await start({ now: () => clock })
    receiver = await startReceiver()
  })
  afterAll(async () => {
    await sim.stop()
    await receiver.stop()
  })
  beforeEach(async () => {
    sim.reset()
    token = await getToken(sim)
  })

  it("accepts exactly one of 20 concurrent pushes to one phone; the rest are locked out", async () => {
    const msisdn = "254712000001"
    const answers = await Promise.all(
      Array.from({ length: 20 }, () => push(sim, token, receiver.url, { PhoneNumber: msisdn, PartyA: msisdn }))
    )
    const accepted = answers.filter((a) => a.status === 200)
    const locked = answers.filter((a) => a.status === 500)
    expect(accepted).toHaveLength(1)
    expect(locked).toHaveLength(19)
    for (const a of locked) {
      expect(a.body).toMatchObject({
        errorCode: "500.001.1001",
        errorMessage: "Unable to lock subscriber, a transaction is already in process for the current subscriber",
      })
    }
    expect(sim.listPrompts()).toHaveLength(1)
  })

  it("accepts concurrent pushes to different phones, each with a unique CheckoutRequestID", async () => {
    const answers = await Promise.all(
      Array.from({ length: 30 }, (_, i) => {
        const msisdn = `2547130000${String(i).padStart(2, "0")}`
        return push(sim, token, receiver.url, { PhoneNumber: msisdn, PartyA: msisdn })
      })
    )
    expect(answers.every((a) => a.status === 200)).toBe(true)
    expect(new Set(answers.map((a) => a.body.CheckoutRequestID)).size).toBe(30)
  })

  it("releases the lock once the prompt settles", async () => {
    const msisdn = "254712000002"
    const first = await push(sim, token, receiver.url, { PhoneNumber: msisdn, PartyA: msisdn })
    sim.cancel(first.body.CheckoutRequestID as string)
    const second = await push(sim, token, receiver.url, { PhoneNumber: msisdn, PartyA: msisdn })
    expect(second.status).toBe(200)
  })

  it("gives 17 for the same amount to the same phone within 2 minutes, not after", async () => {
    const first = await push(sim, token, receiver.url, { Amount: 10 })
    await sim.waitForCallback({ checkoutRequestId: first.body.CheckoutRequestID as string })

    const repeat = await push(sim, token, receiver.url, { Amount: 10 })
    expect(repeat.status).toBe(200)
    const limited = await sim.waitForCallback({ checkoutRequestId: repeat.body.CheckoutRequestID as string })
    expect((limited.body as StkBody).Body.stkCallback).toMatchObject({ ResultCode: 17, ResultDesc: "Rule limited." })

    const otherAmount = await push(sim, token, receiver.url, { Amount: 11 })
    const paid = await sim.waitForCallback({ checkoutRequestId: otherAmount.body.CheckoutRequestID as string })
    expect((paid.body as StkBody).Body.stkCallback.ResultCode).toBe(0)

    clock += 120_000
    const later = await push(sim, token, receiver.url, { Amount: 10 })
    const ok = await sim.waitForCallback({ checkoutRequestId: later.body.CheckoutRequestID as string })
    expect((ok.body as StkBody).Body.stkCallback.ResultCode).toBe(0)
  })

  it("disables rule 17 with ruleLimitWindowMs 0", async () => {
    sim.updateSettings({ ruleLimitWindowMs: 0 })
    for (let i = 0; i < 2; i++) {
      const res = await push(sim, token, receiver.url, { Amount: 20 })
      const cb = await sim.waitForCallback({ checkoutRequestId: res.body.CheckoutRequestID as string })
      expect((cb.body as StkBody).Body.stkCallback.ResultCode).toBe(0)
    }
  })

  it("lets only one of two concurrent reversals of a receipt succeed", async () => {
    const res = await push(sim, token, receiver.url, { Amount: 30 })
    await sim.waitForCallback({ checkoutRequestId: res.body.CheckoutRequestID as string })
    const receipt = sim.listLedger().payments[0].receipt
    const reverse = () =>
      post(sim, "/mpesa/reversal/v1/request", token, {
        Initiator: "testapi",
        SecurityCredential: "opaque",
        CommandID: "TransactionReversal",
        TransactionID: receipt,
        Amount: 30,
        ReceiverParty: "174379",
        RecieverIdentifierType: "11",
        ResultURL: `${receiver.url}/result`,
        QueueTimeOutURL: `${receiver.url}/timeout`,
        Remarks: "refund",
      })
    const answers = await Promise.all([reverse(), reverse()])
    const codes = await Promise.all(
      answers.map(async (a) => {
        const r = await sim.waitForCallback({ conversationId: a.body.ConversationID as string })
        return (r.body as { Result: { ResultCode: unknown } }).Result.ResultCode
      })
    )
    expect(codes.sort()).toEqual([0, "R000001"])
  })
})
