import type { DarajaSimulator } from "../index"
import { credentials, getToken, phone, post, push, pushBody, query, start } from "./helpers/daraja"
import { Receiver, startReceiver } from "./helpers/receiver"

describe("STK Push", () => {
  let sim: DarajaSimulator
  let receiver: Receiver
  let token: string

  beforeAll(async () => {
    sim = await start({ shortcodes: { "600100": { passkey: "otherpasskey", name: "Soko Shop" } } })
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

  it("accepts a valid push with Daraja's response shape and string ResponseCode", async () => {
    const res = await push(sim, token, receiver.url)
    expect(res.status).toBe(200)
    expect(res.body).toEqual({
      MerchantRequestID: expect.stringMatching(/^[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\d{7}$/),
      CheckoutRequestID: expect.stringMatching(/^ws_CO_\d{17}708374149$/),
      ResponseCode: "0",
      ResponseDescription: "Success. Request accepted for processing",
      CustomerMessage: "Success. Request accepted for processing",
    })
  })

  it("POSTs the success callback: numbers, Amount as 1.00, Balance without Value", async () => {
    const res = await push(sim, token, receiver.url, { Amount: "5" })
    const id = res.body.CheckoutRequestID as string
    const record = await sim.waitForCallback({ checkoutRequestId: id, timeoutMs: 5000 })
    expect(record.status).toBe("delivered")
    const got = receiver.received.find((r) => r.path === "/stk")
    expect(got?.raw).toContain('{"Name":"Amount","Value":5.00}')
    expect(got?.raw).toContain('{"Name":"Balance"}')
    const cb = (got?.body as { Body: { stkCallback: Record<string, unknown> } }).Body.stkCallback
    expect(cb).toMatchObject({
      MerchantRequestID: res.body.MerchantRequestID,
      CheckoutRequestID: id,
      ResultCode: 0,
      ResultDesc: "The service request is processed successfully.",
    })
    const items = (cb.CallbackMetadata as { Item: Array<{ Name: string; Value?: unknown }> }).Item
    const item = (name: string) => items.find((i) => i.Name === name)
    expect(item("Amount")?.Value).toBe(5)
    expect(item("MpesaReceiptNumber")?.Value).toMatch(/^[A-Z][A-Z0-9]{9}$/)
    expect(item("TransactionDate")?.Value).toEqual(expect.any(Number))
    expect(String(item("TransactionDate")?.Value)).toMatch(/^\d{14}$/)
    expect(item("PhoneNumber")?.Value).toBe(254708374149)
    expect(item("Balance")).not.toHaveProperty("Value")
    expect(sim.listLedger().payments).toEqual([
      expect.objectContaining({ amount: 5, msisdn: "254708374149", receipt: item("MpesaReceiptNumber")?.Value }),
    ])
  })

  const invalid: Array<[string, Record<string, unknown>]> = [
    ["BusinessShortCode", { BusinessShortCode: "abc" }],
    ["Password", { Password: "" }],
    ["Timestamp", { Timestamp: "2024-01-01 10:00:00" }],
    ["Timestamp", { Timestamp: "20240230101010" }],
    ["TransactionType", { TransactionType: "PayBill" }],
    ["Amount", { Amount: 0 }],
    ["Amount", { Amount: 1.5 }],
    ["Amount", { Amount: 250001 }],
    ["Amount", { Amount: "ten" }],
    ["PartyA", { PartyA: "0712345678" }],
    ["PartyB", { PartyB: "x" }],
    ["PhoneNumber", { PhoneNumber: "+254712345678" }],
    ["PhoneNumber", { PhoneNumber: "25471234567" }],
    ["CallBackURL", { CallBackURL: "not a url" }],
    ["CallBackURL", { CallBackURL: "ftp://example.com/cb" }],
    ["AccountReference", { AccountReference: "1234567890123" }],
    ["AccountReference", { AccountReference: "" }],
    ["TransactionDesc", { TransactionDesc: "12345678901234" }],
  ]
  it.each(invalid)("answers 400.002.02 Invalid %s for %j", async (field, patch) => {
    const res = await post(sim, "/mpesa/stkpush/v1/processrequest", token, pushBody(receiver.url, patch))
    expect(res.status).toBe(400)
    expect(res.body).toEqual({
      requestId: expect.any(String),
      errorCode: "400.002.02",
      errorMessage: `Bad Request - Invalid ${field}`,
    })
  })

  it("accepts the boundaries: Amount 250000, 12-char reference, 13-char description, no description", async () => {
    const ok = await push(sim, token, receiver.url, {
      Amount: 250000,
      AccountReference: "ABCDEFGHIJKL",
      TransactionDesc: "ABCDEFGHIJKLM",
      PhoneNumber: phone(11001),
    })
    expect(ok.status).toBe(200)
    const body = pushBody(receiver.url, { PhoneNumber: phone(11002) })
    delete body.TransactionDesc
    expect((await post(sim, "/mpesa/stkpush/v1/processrequest", token, body)).status).toBe(200)
  })

  it("tolerates the trailing space some SDKs put in TransactionType", async () => {
    const res = await push(sim, token, receiver.url, { TransactionType: "CustomerPayBillOnline " })
    expect(res.status).toBe(200)
  })

  it("answers a wrong password with 500.001.1001 Wrong credentials", async () => {
    const res = await push(sim, token, receiver.url, { Password: Buffer.from("nope").toString("base64") })
    expect(res.status).toBe(500)
    expect(res.body).toMatchObject({ errorCode: "500.001.1001", errorMessage: "Wrong credentials" })
  })

  it("answers a password made with another timestamp with Wrong credentials", async () => {
    const now = Date.now()
    const stale = credentials(undefined, undefined, now - 60_000)
    const fresh = credentials(undefined, undefined, now)
    const res = await push(sim, token, receiver.url, { Password: stale.Password, Timestamp: fresh.Timestamp })
    expect(res.status).toBe(500)
    expect(res.body.errorMessage).toBe("Wrong credentials")
  })

  it("answers an unknown shortcode with Merchant does not exist", async () => {
    const res = await push(sim, token, receiver.url, { ...credentials("777777", "x"), PartyB: "777777" })
    expect(res.status).toBe(500)
    expect(res.body).toMatchObject({ errorCode: "500.001.1001", errorMessage: "Merchant does not exist" })
  })

  it("uses the configured passkey and merchant name for another shortcode", async () => {
    const res = await push(sim, token, receiver.url, {
      ...credentials("600100", "otherpasskey"),
      PartyB: "600100",
      PhoneNumber: phone(11003),
    })
    expect(res.status).toBe(200)
    expect(sim.listPrompts()[0]).toMatchObject({ merchantName: "Soko Shop", accountReference: "order123" })
  })

  it.each([
    ["paybill paid to another PartyB", { PartyB: "600100" }, 2028],
    ["BuyGoods to an unknown till", { TransactionType: "CustomerBuyGoodsOnline", PartyB: "999999" }, "SFC_IC0003"],
    ["BuyGoods with a till of another store", { TransactionType: "CustomerBuyGoodsOnline", PartyB: "174380", ...credentials("600100", "otherpasskey") }, 2028],
  ])("reports %s in the callback", async (_name, patch, code) => {
    const res = await push(sim, token, receiver.url, patch)
    expect(res.status).toBe(200)
    const record = await sim.waitForCallback({ checkoutRequestId: res.body.CheckoutRequestID as string })
    expect((record.body as { Body: { stkCallback: { ResultCode: unknown } } }).Body.stkCallback.ResultCode).toBe(code)
  })

  it("pays a BuyGoods push to the test till under its store number", async () => {
    const res = await push(sim, token, receiver.url, { TransactionType: "CustomerBuyGoodsOnline", PartyB: "174380" })
    const record = await sim.waitForCallback({ checkoutRequestId: res.body.CheckoutRequestID as string })
    expect((record.body as { Body: { stkCallback: { ResultCode: unknown } } }).Body.stkCallback.ResultCode).toBe(0)
    expect(sim.listLedger().payments[0].shortcode).toBe("174380")
  })

  it("answers without a JSON content type as Daraja does: Invalid BusinessShortCode", async () => {
    const res = await post(sim, "/mpesa/stkpush/v1/processrequest", token, pushBody(receiver.url), {
      "content-type": "text/plain",
    })
    expect(res.status).toBe(400)
    expect(res.body).toMatchObject({ errorCode: "400.002.02", errorMessage: "Bad Request - Invalid BusinessShortCode" })
  })

  it.each([
    ["malformed JSON", '{"BusinessShortCode": '],
    ["a huge body", JSON.stringify({ pad: "x".repeat(500_000) })],
  ])("answers %s with 400.002.05 Invalid Request Payload", async (_name, body) => {
    const res = await post(sim, "/mpesa/stkpush/v1/processrequest", token, body)
    expect(res.status).toBe(400)
    expect(res.body).toMatchObject({ errorCode: "400.002.05", errorMessage: "Invalid Request Payload" })
  })

  it.each([["null"], ["[]"], ['"text"'], ["42"]])("answers the JSON value %s with the error envelope", async (body) => {
    const res = await post(sim, "/mpesa/stkpush/v1/processrequest", token, body)
    expect(res.status).toBe(400)
    expect(res.body.errorCode).toBe("400.002.02")
  })

  it("never leaks a stack trace: unknown paths and wrong methods get envelopes", async () => {
    const unknown = await post(sim, "/mpesa/nothing/v1/here", token, {})
    expect(unknown.status).toBe(404)
    expect(unknown.body.errorCode).toBe("404.001.01")
    const wrongMethod = await fetch(`${sim.url}/mpesa/stkpush/v1/processrequest`)
    expect(wrongMethod.status).toBe(404)
    expect(((await wrongMethod.json()) as Record<string, unknown>).errorCode).toBe("404.001.04")
  })

  it("masks Password in the request log", async () => {
    await push(sim, token, receiver.url)
    const [logged] = sim.listRequests({ endpoint: "stkpush" })
    expect(logged.body).toMatchObject({ Password: "***", PhoneNumber: "254708374149" })
    expect(JSON.stringify(sim.listRequests())).not.toContain(credentials().Password)
  })

  it("lets STK Query see the settled result", async () => {
    const res = await push(sim, token, receiver.url)
    const id = res.body.CheckoutRequestID as string
    await sim.waitForCallback({ checkoutRequestId: id })
    const q = await query(sim, token, id)
    expect(q.body.ResultCode).toBe("0")
  })
})
