import type { DarajaSimulator } from "../index"
import { getToken, post, push, start, transactionStatusBody } from "./helpers/daraja"
import { Receiver, startReceiver } from "./helpers/receiver"

type ResultBody = {
  Result: {
    ResultType: number
    ResultCode: number | string
    ResultDesc: string
    OriginatorConversationID: string
    ConversationID: string
    TransactionID: string
    ResultParameters?: { ResultParameter: Array<{ Key: string; Value: unknown }> }
    ReferenceData: { ReferenceItem: { Key: string; Value: string } }
  }
}

const param = (body: ResultBody, key: string): unknown =>
  body.Result.ResultParameters?.ResultParameter.find((p) => p.Key === key)?.Value

describe("Reversal and Transaction Status", () => {
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

  const pay = async (amount: number): Promise<string> => {
    const res = await push(sim, token, receiver.url, { Amount: amount })
    await sim.waitForCallback({ checkoutRequestId: res.body.CheckoutRequestID as string })
    return sim.listLedger().payments.at(-1)?.receipt as string
  }

  const reversalBody = (receipt: string, patch: Record<string, unknown> = {}) => ({
    Initiator: "testapi",
    SecurityCredential: "c2VjcmV0",
    CommandID: "TransactionReversal",
    TransactionID: receipt,
    Amount: 100,
    ReceiverParty: "174379",
    RecieverIdentifierType: "11",
    ResultURL: `${receiver.url}/reversal/result`,
    QueueTimeOutURL: `${receiver.url}/reversal/timeout`,
    Remarks: "Refund",
    Occasion: "order 1",
    ...patch,
  })

  const reverse = async (receipt: string, patch: Record<string, unknown> = {}): Promise<ResultBody> => {
    const res = await post(sim, "/mpesa/reversal/v1/request", token, reversalBody(receipt, patch))
    expect(res.status).toBe(200)
    expect(res.body).toEqual({
      OriginatorConversationID: expect.any(String),
      ConversationID: expect.stringMatching(/^AG_\d{8}_/),
      ResponseCode: "0",
      ResponseDescription: "Accept the service request successfully.",
    })
    const record = await sim.waitForCallback({ conversationId: res.body.ConversationID as string })
    expect(record.url).toBe(`${receiver.url}/reversal/result`)
    expect(record.status).toBe("delivered")
    return record.body as ResultBody
  }

  it("reverses a paid receipt in full and POSTs the Result to ResultURL", async () => {
    const receipt = await pay(100)
    const result = await reverse(receipt)
    expect(result.Result).toMatchObject({ ResultType: 0, ResultCode: 0 })
    expect(param(result, "OriginalTransactionID")).toBe(receipt)
    expect(param(result, "Amount")).toBe(100)
    expect(param(result, "DebitAccountBalance")).toMatch(/^Utility Account\|KES\|/)
    expect(result.Result.ReferenceData.ReferenceItem.Key).toBe("QueueTimeoutURL")
    expect(sim.listLedger().payments[0].reversedBy).toBe(result.Result.TransactionID)
  })

  it("with a skip override, reverses but never POSTs the Result; Transaction Status still knows it", async () => {
    const receipt = await pay(100)
    sim.addOverride({ endpoint: "reversal", callback: { skip: true } })
    const res = await post(sim, "/mpesa/reversal/v1/request", token, reversalBody(receipt))
    expect(res.status).toBe(200)
    await new Promise((resolve) => setTimeout(resolve, 50))
    expect(sim.listCallbacks().filter((c) => c.kind === "reversal")).toHaveLength(0)
    const [reversal] = sim.listLedger().reversals
    expect(reversal).toEqual(expect.objectContaining({ originalReceipt: receipt, amount: 100 }))
    expect(param(await status({ TransactionID: reversal.receipt }), "ReasonType")).toBe("Reversal")
  })

  it("answers R000001 for a receipt already reversed", async () => {
    const receipt = await pay(100)
    await reverse(receipt)
    const again = await reverse(receipt)
    expect(again.Result).toMatchObject({ ResultCode: "R000001" })
    expect(again.Result.ResultParameters).toBeUndefined()
  })

  it("answers R000002 for an unknown receipt or another shortcode's receipt", async () => {
    expect((await reverse("NOTAREAL01")).Result.ResultCode).toBe("R000002")
    const receipt = await pay(100)
    expect((await reverse(receipt, { ReceiverParty: "600000" })).Result.ResultCode).toBe("R000002")
  })

  it("refuses a partial reversal (full amount only)", async () => {
    const receipt = await pay(100)
    expect((await reverse(receipt, { Amount: 50 })).Result.ResultCode).toBe("R000003")
    expect((await reverse(receipt, { Amount: 150 })).Result.ResultCode).toBe("R000003")
    expect(sim.listLedger().payments[0].reversedBy).toBeUndefined()
  })

  it.each([
    ["the correctly spelled ReceiverIdentifierType", { RecieverIdentifierType: undefined, ReceiverIdentifierType: "11" }, "RecieverIdentifierType"],
    ["identifier type 4", { RecieverIdentifierType: "4" }, "RecieverIdentifierType"],
    ["a missing Initiator", { Initiator: undefined }, "Initiator"],
    ["a missing SecurityCredential", { SecurityCredential: "" }, "SecurityCredential"],
    ["another CommandID", { CommandID: "Reversal" }, "CommandID"],
    ["a bad ResultURL", { ResultURL: "nope" }, "ResultURL"],
    ["a one-character Remarks", { Remarks: "x" }, "Remarks"],
    ["a fractional Amount", { Amount: 1.5 }, "Amount"],
  ])("rejects %s", async (_name, patch, field) => {
    const res = await post(sim, "/mpesa/reversal/v1/request", token, reversalBody("ABC", patch))
    expect(res.status).toBe(400)
    expect(res.body).toMatchObject({ errorCode: "400.002.02", errorMessage: `Bad Request - Invalid ${field}` })
  })

  const statusBody = (patch: Record<string, unknown>) => transactionStatusBody(receiver.url, patch)

  const status = async (patch: Record<string, unknown>): Promise<ResultBody> => {
    const res = await post(sim, "/mpesa/transactionstatus/v1/query", token, statusBody(patch))
    expect(res.status).toBe(200)
    expect(res.body.ResponseCode).toBe("0")
    const record = await sim.waitForCallback({ conversationId: res.body.ConversationID as string })
    expect(record.kind).toBe("transaction-status")
    return record.body as ResultBody
  }

  it("reports a paid receipt as Completed with Daraja's keys (some with spaces)", async () => {
    const receipt = await pay(42)
    const result = await status({ TransactionID: receipt })
    expect(result.Result.ResultCode).toBe(0)
    expect(param(result, "ReceiptNo")).toBe(receipt)
    expect(param(result, "Amount")).toBe(42)
    expect(param(result, "TransactionStatus")).toBe("Completed")
    expect(param(result, "ReasonType")).toBe("Pay Bill Online")
    expect(param(result, "DebitPartyName")).toBe("254708374149 - John Doe")
    for (const key of ["Conversation ID", "Originator Conversation ID", "FinalisedTime", "InitiatedTime", "CreditPartyName", "DebitAccountType", "DebitPartyCharges"]) {
      expect(result.Result.ResultParameters?.ResultParameter.some((p) => p.Key === key)).toBe(true)
    }
  })

  it("finds a reversal by receipt and by its OriginatorConversationID", async () => {
    const receipt = await pay(100)
    const reversal = await reverse(receipt)
    const byReceipt = await status({ TransactionID: reversal.Result.TransactionID })
    expect(param(byReceipt, "ReasonType")).toBe("Reversal")
    const byConversation = await status({ OriginalConversationID: reversal.Result.OriginatorConversationID })
    expect(param(byConversation, "ReceiptNo")).toBe(reversal.Result.TransactionID)
  })

  it("reports an unknown receipt as a failed Result without parameters", async () => {
    const result = await status({ TransactionID: "NOTAREAL01" })
    expect(result.Result.ResultCode).toBe("R000002")
    expect(result.Result.ResultParameters).toBeUndefined()
  })

  it.each([
    ["no TransactionID or OriginalConversationID", {}, "TransactionID"],
    ["IdentifierType 3", { TransactionID: "X", IdentifierType: "3" }, "IdentifierType"],
    ["a bad PartyA", { TransactionID: "X", PartyA: "abc" }, "PartyA"],
  ])("rejects %s", async (_name, patch, field) => {
    const res = await post(sim, "/mpesa/transactionstatus/v1/query", token, statusBody(patch))
    expect(res.status).toBe(400)
    expect(res.body.errorMessage).toBe(`Bad Request - Invalid ${field}`)
  })
})
