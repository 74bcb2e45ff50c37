import type { DarajaSimulator } from "../index"
import { getToken, post, start } from "./helpers/daraja"
import { Receiver, startReceiver } from "./helpers/receiver"

describe("C2B register and simulate", () => {
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
    receiver.answer("/c2b/validate", 200, { ResultCode: "0", ResultDesc: "Accepted" })
    token = await getToken(sim)
  })

  const register = (patch: Record<string, unknown> = {}, version = "v2") =>
    post(sim, `/mpesa/c2b/${version}/registerurl`, token, {
      ShortCode: "600984",
      ResponseType: "Completed",
      ConfirmationURL: `${receiver.url}/c2b/confirm`,
      ValidationURL: `${receiver.url}/c2b/validate`,
      ...patch,
    })

  const simulate = (patch: Record<string, unknown> = {}) =>
    post(sim, "/mpesa/c2b/v2/simulate", token, {
      ShortCode: "600984",
      CommandID: "CustomerPayBillOnline",
      Amount: 10,
      Msisdn: "254708374126",
      BillRefNumber: "order-77",
      ...patch,
    })

  it("registers URLs with the misspelled OriginatorCoversationID", async () => {
    for (const version of ["v1", "v2"]) {
      const res = await register({}, version)
      expect(res.status).toBe(200)
      expect(res.body).toEqual({
        OriginatorCoversationID: expect.any(String),
        ResponseCode: "0",
        ResponseDescription: "success",
      })
    }
  })

  it.each([
    ["M-Pesa in the URL", { ConfirmationURL: "http://127.0.0.1/mpesa/confirm" }, "ConfirmationURL - URL has the word MPESA"],
    ["Safaricom in the URL", { ValidationURL: "http://127.0.0.1/safaricom" }, "ValidationURL - URL has the word SAFARICOM"],
    ["an ngrok host", { ValidationURL: "https://abc.ngrok.io/v" }, "ValidationURL - URL host ngrok is not allowed"],
    ["MPESA in capitals", { ValidationURL: "http://127.0.0.1/MPESA/validate" }, "ValidationURL - URL has the word MPESA"],
    ["a query string word", { ConfirmationURL: "http://127.0.0.1/c?query=1" }, "ConfirmationURL - URL has the word QUERY"],
  ])("refuses %s (400.003.02)", async (_name, patch, message) => {
    const res = await register(patch)
    expect(res.status).toBe(400)
    expect(res.body).toMatchObject({ errorCode: "400.003.02", errorMessage: `Invalid ${message}` })
  })

  it.each([
    ["lower-case ResponseType", { ResponseType: "completed" }, "ResponseType"],
    ["a missing ShortCode", { ShortCode: undefined }, "ShortCode"],
    ["a bad ConfirmationURL", { ConfirmationURL: "x" }, "ConfirmationURL"],
  ])("rejects %s", async (_name, patch, field) => {
    const res = await register(patch)
    expect(res.body.errorMessage).toBe(`Bad Request - Invalid ${field}`)
  })

  it("overwrites registrations like the sandbox, or refuses them when registerOnce is set", async () => {
    expect((await register()).status).toBe(200)
    expect((await register()).status).toBe(200)
    sim.updateSettings({ c2bRegisterOnce: true })
    const again = await register()
    expect(again.status).toBe(500)
    expect(again.body).toMatchObject({ errorCode: "500.003.1001", errorMessage: "Urls are already registered" })
  })

  it("validates, then confirms with a masked MSISDN and string amounts", async () => {
    await register()
    const res = await simulate()
    expect(res.body).toMatchObject({ ResponseCode: "0", ResponseDescription: "Accept the service request successfully." })
    const confirmation = await sim.waitForCallback({ kind: "c2b-confirmation" })
    const [validation] = sim.listCallbacks({ kind: "c2b-validation" })
    expect(validation.status).toBe("delivered")
    expect(confirmation.body).toMatchObject({
      TransactionType: "Pay Bill",
      TransID: expect.stringMatching(/^[A-Z][A-Z0-9]{9}$/),
      TransTime: expect.stringMatching(/^\d{14}$/),
      TransAmount: "10.00",
      BusinessShortCode: "600984",
      BillRefNumber: "order-77",
      MSISDN: "2547 ***** 126",
      OrgAccountBalance: "10.00",
    })
    expect(receiver.received.map((r) => r.path)).toEqual(["/c2b/validate", "/c2b/confirm"])
    expect(sim.listLedger().payments).toEqual([expect.objectContaining({ kind: "c2b", amount: 10 })])
  })

  it("does not confirm a payment the validation URL rejects", async () => {
    await register()
    receiver.answer("/c2b/validate", 200, { ResultCode: "C2B00012", ResultDesc: "Rejected" })
    await simulate()
    await sim.waitForCallback({ kind: "c2b-validation" })
    expect(sim.listCallbacks({ kind: "c2b-confirmation" })).toEqual([])
    expect(sim.listLedger().payments).toEqual([])
  })

  it.each([
    ["Completed", true],
    ["Cancelled", false],
  ])("applies ResponseType %s when validation fails to answer", async (responseType, confirmed) => {
    await register({ ResponseType: responseType, ValidationURL: "http://127.0.0.1:1/dead" })
    await simulate()
    const validation = await sim.waitForCallback({ kind: "c2b-validation" })
    expect(validation.status).toBe("failed")
    if (confirmed) {
      expect((await sim.waitForCallback({ kind: "c2b-confirmation" })).status).toBe("delivered")
    } else {
      expect(sim.listLedger().payments).toEqual([])
    }
  })

  it("skips validation when it is not enabled", async () => {
    sim.updateSettings({ c2bValidation: false })
    await register()
    await simulate({ CommandID: "CustomerBuyGoodsOnline", BillRefNumber: undefined })
    const confirmation = await sim.waitForCallback({ kind: "c2b-confirmation" })
    expect(confirmation.body).toMatchObject({ TransactionType: "Buy Goods", BillRefNumber: "" })
    expect(sim.listCallbacks({ kind: "c2b-validation" })).toEqual([])
  })

  it.each([
    ["a bad Msisdn", { Msisdn: "0712345678" }, "Msisdn"],
    ["a bad CommandID", { CommandID: "PayBill" }, "CommandID"],
    ["a missing BillRefNumber on a paybill", { BillRefNumber: undefined }, "BillRefNumber"],
    ["a zero Amount", { Amount: 0 }, "Amount"],
  ])("rejects a simulate with %s", async (_name, patch, field) => {
    const res = await simulate(patch)
    expect(res.status).toBe(400)
    expect(res.body.errorMessage).toBe(`Bad Request - Invalid ${field}`)
  })

  it("reverses a C2B payment through the ledger", async () => {
    await register()
    await simulate({ Amount: 25 })
    const confirmation = await sim.waitForCallback({ kind: "c2b-confirmation" })
    const transId = (confirmation.body as { TransID: string }).TransID
    const res = await post(sim, "/mpesa/reversal/v1/request", token, {
      Initiator: "testapi",
      SecurityCredential: "x",
      CommandID: "TransactionReversal",
      TransactionID: transId,
      Amount: 25,
      ReceiverParty: "600984",
      RecieverIdentifierType: "11",
      ResultURL: `${receiver.url}/result`,
      QueueTimeOutURL: `${receiver.url}/timeout`,
      Remarks: "refund",
    })
    const result = await sim.waitForCallback({ conversationId: res.body.ConversationID as string })
    expect((result.body as { Result: { ResultCode: unknown } }).Result.ResultCode).toBe(0)
  })
})
