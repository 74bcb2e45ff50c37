import type { DarajaSimulator } from "../index"
import { getToken, post, start, transactionStatusBody } from "./helpers/daraja"
import { Receiver, startReceiver } from "./helpers/receiver"

type Body = Record<string, unknown>

describe("C2B payments (paybill, till, validation, confirmation)", () => {
  let sim: DarajaSimulator
  let receiver: Receiver
  let token: string

  beforeAll(async () => {
    sim = await start({ c2bValidationTimeoutMs: 300 })
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

  const register = (shortCode = "600984", responseType = "Completed") =>
    post(sim, "/mpesa/c2b/v2/registerurl", token, {
      ShortCode: shortCode,
      ResponseType: responseType,
      ConfirmationURL: `${receiver.url}/c2b/confirm`,
      ValidationURL: `${receiver.url}/c2b/validate`,
    })

  const paybill = (patch: Body = {}) =>
    sim.payC2b({ channel: "paybill", businessNumber: "600984", accountNumber: "SOKO-1042", amount: 150, phone: "0712345126", ...patch })

  const confirmations = () => receiver.received.filter((r) => r.path === "/c2b/confirm")

  const waitUntil = async (test: () => boolean): Promise<void> => {
    const deadline = Date.now() + 5000
    while (!test() && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 5))
    }
  }

  it("confirms a paybill payment with today's v2 body, after validation accepted it", async () => {
    await register()
    const payment = await paybill()
    expect(payment).toMatchObject({ status: "completed", validation: "accepted", confirmation: "sent", channel: "paybill" })
    const confirmation = await sim.waitForCallback({ kind: "c2b-confirmation", transId: payment.transId })
    expect(confirmation.status).toBe("delivered")
    const [validate, confirm] = receiver.received
    expect(validate.path).toBe("/c2b/validate")
    expect(confirm.body).toEqual({
      TransactionType: "Pay Bill",
      TransID: payment.transId,
      TransTime: expect.stringMatching(/^20\d{12}$/),
      TransAmount: "150.00",
      BusinessShortCode: "600984",
      BillRefNumber: "SOKO-1042",
      InvoiceNumber: "",
      OrgAccountBalance: "150.00",
      ThirdPartyTransID: "",
      MSISDN: "2547 ***** 126",
      FirstName: "John",
      MiddleName: "",
      LastName: "",
    })
    // The validation call is the same body before the money moved.
    expect(validate.body).toEqual({ ...(confirm.body as Body), OrgAccountBalance: "" })
    expect(JSON.stringify(receiver.received)).not.toContain("254712345126")
    expect(sim.listLedger().payments).toEqual([
      expect.objectContaining({ receipt: payment.transId, kind: "c2b", amount: 150, accountReference: "SOKO-1042" }),
    ])
  })

  it("pays a till (Buy Goods) with an empty BillRefNumber, through its store number's URLs", async () => {
    await register("174379")
    const payment = await sim.payC2b({ channel: "till", tillNumber: "174380", amount: "99" })
    await sim.waitForCallback({ kind: "c2b-confirmation", transId: payment.transId })
    expect(confirmations()[0].body).toMatchObject({
      TransactionType: "Buy Goods",
      BusinessShortCode: "174380",
      BillRefNumber: "",
      TransAmount: "99.00",
      MSISDN: "2547 ***** 149",
    })
  })

  it.each(["C2B00011", "C2B00012", "C2B00013", "C2B00014", "C2B00015", "C2B00016"])(
    "does not take the money when validation rejects with %s",
    async (code) => {
      await register()
      receiver.answer("/c2b/validate", 200, { ResultCode: code, ResultDesc: "Rejected" })
      const payment = await paybill()
      expect(payment).toMatchObject({ status: "rejected", validation: "rejected", resultCode: code })
      expect(sim.listLedger().payments).toEqual([])
      expect(confirmations()).toEqual([])
    }
  )

  it.each([
    ["Completed", "completed", 1],
    ["Cancelled", "rejected", 0],
  ])("applies ResponseType %s when validation answers too late", async (responseType, status, confirmed) => {
    await register("600984", responseType)
    receiver.answer("/c2b/validate", 200, { ResultCode: "0", ResultDesc: "Accepted" }, 2_000)
    const payment = await paybill()
    expect(payment).toMatchObject({ status, validation: "no-answer" })
    expect(sim.listLedger().payments).toHaveLength(confirmed)
    await waitUntil(() => confirmations().length >= confirmed)
    expect(confirmations()).toHaveLength(confirmed)
  })

  it.each([
    ["an unknown code", 200, { ResultCode: "C2B00099" }],
    ["a 500", 500, { ResultCode: "0" }],
  ])("treats %s from validation as no answer", async (_name, status, body) => {
    await register("600984", "Cancelled")
    receiver.answer("/c2b/validate", status, body)
    expect(await paybill()).toMatchObject({ status: "rejected", validation: "no-answer", resultCode: undefined })
  })

  it("sends N identical confirmations, one ledger entry", async () => {
    await register()
    const payment = await paybill({ confirmation: { copies: 3 } })
    await waitUntil(() => confirmations().length === 3)
    expect(new Set(confirmations().map((c) => c.raw)).size).toBe(1)
    expect(sim.listCallbacks({ kind: "c2b-confirmation" }).map((c) => c.copy)).toEqual([1, 2, 3])
    expect(sim.listLedger().payments).toHaveLength(1)
    expect(sim.getC2bPayment(payment.transId)?.confirmationCopies).toBe(3)
  })

  it("loses a confirmation, yet Transaction Status knows the payment and it can arrive late", async () => {
    await register()
    const payment = await paybill({ confirmation: { skip: true } })
    expect(payment.confirmation).toBe("dropped")
    await new Promise((r) => setTimeout(r, 30))
    expect(confirmations()).toEqual([])

    const status = await post(sim, "/mpesa/transactionstatus/v1/query", token, transactionStatusBody(receiver.url, { TransactionID: payment.transId }))
    const result = await sim.waitForCallback({ conversationId: status.body.ConversationID as string })
    const params = (result.body as { Result: { ResultCode: unknown; ResultParameters: { ResultParameter: Array<{ Key: string; Value: unknown }> } } }).Result
    expect(params.ResultCode).toBe(0)
    expect(Object.fromEntries(params.ResultParameters.ResultParameter.map((p) => [p.Key, p.Value]))).toMatchObject({
      ReceiptNo: payment.transId,
      Amount: 150,
      TransactionStatus: "Completed",
      ReasonType: "Pay Bill",
    })

    const late = sim.resendC2bConfirmation(payment.transId)
    expect(late.copy).toBe(1)
    await sim.waitForCallback({ kind: "c2b-confirmation", transId: payment.transId })
    expect((confirmations()[0].body as Body).TransID).toBe(payment.transId)
  })

  it("delays a confirmation", async () => {
    await register()
    const payment = await paybill({ confirmation: { delayMs: 60 } })
    expect(sim.listCallbacks({ kind: "c2b-confirmation" })[0].status).toBe("scheduled")
    await sim.waitForCallback({ kind: "c2b-confirmation", transId: payment.transId })
    expect(confirmations()).toHaveLength(1)
  })

  it("lets an override lose the confirmation of a phone-page payment", async () => {
    await register()
    sim.addOverride({ endpoint: "c2b-simulate", amount: 150, callback: { skip: true } })
    expect((await paybill()).confirmation).toBe("dropped")
    expect((await paybill()).confirmation).toBe("sent")
  })

  it("books a payment without registered URLs and sends nothing", async () => {
    const payment = await paybill()
    expect(payment).toMatchObject({ status: "completed", validation: "not-registered", confirmation: "none" })
    expect(receiver.received).toEqual([])
    expect(() => sim.resendC2bConfirmation(payment.transId)).toThrow(/no C2B URLs are registered for 600984/)
  })

  it.each([
    [{ channel: "cash" }, 'channel must be "paybill", "till" or "qr".'],
    [{ channel: "paybill", businessNumber: "12", accountNumber: "A", amount: 1 }, "Business number must be 5 to 8 digits, e.g. 600984."],
    [{ channel: "paybill", businessNumber: "600984", amount: 1 }, "Account number is required for Pay Bill: 1 to 20 characters."],
    [{ channel: "paybill", businessNumber: "600984", accountNumber: "A", amount: 12.5 }, "Amount must be whole shillings from 1 to 250,000 (M-Pesa takes no cents)."],
    [{ channel: "till", tillNumber: "174380", amount: 250_001 }, "Amount must be whole shillings from 1 to 250,000 (M-Pesa takes no cents)."],
    [{ channel: "till", tillNumber: "abc", amount: 5 }, "Till number must be 5 to 8 digits, e.g. 174380."],
    [{ channel: "till", tillNumber: "174380", amount: 5, phone: "0202345678" }, "Phone number must be a Kenyan mobile number such as 0708374149 or 254708374149."],
    [{ channel: "qr", qrCode: "" }, "Paste the text of a QR code generated by this simulator, or choose one."],
  ])("refuses %j with a sentence, changing nothing", async (input, message) => {
    await expect(sim.payC2b(input as never)).rejects.toThrow(message)
    expect(sim.listC2bPayments()).toEqual([])
    expect(sim.listLedger().payments).toEqual([])
  })

  it("waits for a payment made through the simulate API", async () => {
    await register()
    const res = await post(sim, "/mpesa/c2b/v2/simulate", token, {
      ShortCode: "600984",
      CommandID: "CustomerBuyGoodsOnline",
      Amount: 7,
      Msisdn: "254708374149",
      BillRefNumber: "ignored-for-till",
    })
    expect(res.body.ResponseCode).toBe("0")
    const payment = await sim.waitForC2bPayment({ shortCode: "600984", timeoutMs: 2000 })
    expect(payment).toMatchObject({ channel: "simulate", transactionType: "Buy Goods", billRefNumber: "", amount: 7 })
    await expect(sim.waitForC2bPayment({ billRefNumber: "nothing", timeoutMs: 20 })).rejects.toThrow(/within 20 ms/)
  })
})
