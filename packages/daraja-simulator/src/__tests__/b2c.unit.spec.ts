import type { DarajaSimulator } from "../index"
import { getToken, post, start, transactionStatusBody } from "./helpers/daraja"
import { Receiver, startReceiver } from "./helpers/receiver"

type ResultBody = {
  Result: {
    ResultCode: number | string
    ResultDesc: string
    OriginatorConversationID: string
    ConversationID: string
    TransactionID: string
    ResultParameters?: { ResultParameter: Array<{ Key: string; Value: unknown }> }
  }
}

const param = (body: ResultBody, key: string): unknown =>
  body.Result.ResultParameters?.ResultParameter.find((p) => p.Key === key)?.Value

describe("B2C payment request (v3)", () => {
  let sim: DarajaSimulator
  let receiver: Receiver
  let token: string
  let seq = 0

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

  const body = (patch: Record<string, unknown> = {}) => ({
    OriginatorConversationID: `soko-refund-${++seq}`,
    InitiatorName: "testapi",
    SecurityCredential: "c2VjcmV0",
    CommandID: "BusinessPayment",
    Amount: 250,
    PartyA: "600996",
    PartyB: "254708374149",
    Remarks: "Partial refund",
    QueueTimeOutURL: `${receiver.url}/b2c/timeout`,
    ResultURL: `${receiver.url}/b2c/result`,
    Occassion: "order 7",
    ...patch,
  })

  const pay = async (patch: Record<string, unknown> = {}) => {
    const request = body(patch)
    const res = await post(sim, "/mpesa/b2c/v3/paymentrequest", token, request)
    return { request, res }
  }

  it("Transaction Status finds a payout by its OriginatorConversationID and by its receipt", async () => {
    const { request, res } = await pay({ Amount: 300 })
    const paid = (await sim.waitForCallback({ conversationId: res.body.ConversationID as string })).body as ResultBody
    const status = async (patch: Record<string, unknown>) => {
      const asked = await post(sim, "/mpesa/transactionstatus/v1/query", token, transactionStatusBody(receiver.url, { PartyA: "600996", ...patch }))
      return (await sim.waitForCallback({ conversationId: asked.body.ConversationID as string })).body as ResultBody
    }
    for (const found of [
      await status({ OriginalConversationID: request.OriginatorConversationID }),
      await status({ TransactionID: paid.Result.TransactionID }),
    ]) {
      expect(found.Result.ResultCode).toBe(0)
      expect(param(found, "TransactionStatus")).toBe("Completed")
      expect(param(found, "Amount")).toBe(300)
      expect(param(found, "ReceiptNo")).toBe(paid.Result.TransactionID)
      expect(param(found, "Originator Conversation ID")).toBe(request.OriginatorConversationID)
    }
    expect((await status({ OriginalConversationID: "soko-refund-never" })).Result.ResultCode).toBe("R000002")
  })

  it("acknowledges with the caller's OriginatorConversationID and POSTs a paid Result", async () => {
    const { request, res } = await pay()
    expect(res.status).toBe(200)
    expect(res.body).toEqual({
      ConversationID: expect.stringMatching(/^AG_\d{8}_/),
      OriginatorConversationID: request.OriginatorConversationID,
      ResponseCode: "0",
      ResponseDescription: "Accept the service request successfully.",
    })
    const record = await sim.waitForCallback({ conversationId: res.body.ConversationID as string })
    expect(record.kind).toBe("b2c")
    expect(record.url).toBe(`${receiver.url}/b2c/result`)
    const result = record.body as ResultBody
    expect(result.Result.ResultCode).toBe(0)
    expect(param(result, "TransactionAmount")).toBe(250)
    expect(param(result, "TransactionReceipt")).toBe(result.Result.TransactionID)
    expect(param(result, "ReceiverPartyPublicName")).toBe("254708374149 - John Doe")
    expect(param(result, "TransactionCompletedDateTime")).toMatch(/^\d\d\.\d\d\.\d{4} \d\d:\d\d:\d\d$/)
    expect(sim.listLedger().payouts).toEqual([
      expect.objectContaining({ amount: 250, msisdn: "254708374149", shortcode: "600996", receipt: result.Result.TransactionID }),
    ])
  })

  it("refuses a repeated OriginatorConversationID without paying twice", async () => {
    const first = await pay({ OriginatorConversationID: "same-id" })
    expect(first.res.status).toBe(200)
    const again = await pay({ OriginatorConversationID: "same-id" })
    expect(again.res.status).toBe(500)
    expect(again.res.body).toMatchObject({ errorCode: "500.002.1001", errorMessage: "Duplicate OriginatorConversationID." })
    expect(sim.listLedger().payouts).toHaveLength(1)
  })

  it("answers a scripted recipient refusal (2040) without paying", async () => {
    const { res } = await pay({ PartyB: "254700000014" })
    const record = await sim.waitForCallback({ conversationId: res.body.ConversationID as string })
    expect((record.body as ResultBody).Result.ResultCode).toBe(2040)
    expect(sim.listLedger().payouts).toHaveLength(0)
  })

  it("refuses (1) a payout the shortcode's float cannot cover", async () => {
    // The opening float is KES 1,000,000: four maximum payouts empty it.
    for (let i = 0; i < 4; i++) {
      const { res } = await pay({ Amount: 250_000, PartyA: "600997" })
      await sim.waitForCallback({ conversationId: res.body.ConversationID as string })
    }
    const { res } = await pay({ Amount: 1, PartyA: "600997" })
    const record = await sim.waitForCallback({ conversationId: res.body.ConversationID as string })
    expect((record.body as ResultBody).Result.ResultCode).toBe(1)
    expect(param(record.body as ResultBody, "TransactionAmount")).toBeUndefined()
    expect(sim.listLedger().payouts).toHaveLength(4)
  })

  it.each([
    ["OriginatorConversationID", { OriginatorConversationID: "" }],
    ["InitiatorName", { InitiatorName: undefined }],
    ["CommandID", { CommandID: "TransactionReversal" }],
    ["Amount", { Amount: 10.5 }],
    ["PartyA", { PartyA: "12" }],
    ["PartyB", { PartyB: "0712345678" }],
    ["Remarks", { Remarks: "x" }],
    ["ResultURL", { ResultURL: "not a url" }],
  ])("names the invalid field %s", async (field, patch) => {
    const { res } = await pay(patch)
    expect(res.status).toBe(400)
    expect(res.body).toMatchObject({ errorCode: "400.002.02", errorMessage: `Bad Request - Invalid ${field}` })
    expect(sim.listLedger().payouts).toHaveLength(0)
  })
})
