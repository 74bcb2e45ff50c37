import { callbackAmountMatches, parseStkCallback, StkCallback } from "../callback"
import { getMockedStkCallback, MOCK_CHECKOUT_REQUEST_ID, MOCK_MERCHANT_REQUEST_ID } from "./mocks/stk-callback"

const parsedOk = (body: unknown): StkCallback => {
  const result = parseStkCallback(body)
  if (!result.ok) {
    throw new Error(`expected ok, got: ${result.reason}`)
  }
  return result.callback
}

const withStk = (patch: Record<string, unknown>) => {
  const body = getMockedStkCallback()
  Object.assign(body.Body.stkCallback, patch)
  return body
}

describe("parseStkCallback: success", () => {
  it("reads Daraja's documented success sample", () => {
    expect(parsedOk(getMockedStkCallback())).toEqual({
      merchantRequestId: MOCK_MERCHANT_REQUEST_ID,
      checkoutRequestId: MOCK_CHECKOUT_REQUEST_ID,
      resultCode: "0",
      resultDesc: "The service request is processed successfully.",
      success: true,
      metadata: {
        amount: 1,
        amountRaw: "1",
        receipt: "NLJ7RT61SV",
        phone: "254708374149",
        transactionDate: "20191219102115",
      },
    })
  })

  it.each([
    ["items in reverse order", { reverseItems: true }, { receipt: "NLJ7RT61SV", phone: "254708374149" }],
    ["no Balance item", { withBalanceItem: false }, { receipt: "NLJ7RT61SV" }],
    ["Amount 1.00 as a string", { amount: "1.00" }, { amount: 1, amountRaw: "1.00" }],
    ["Amount 1450.5", { amount: 1450.5 }, { amount: 1450.5, amountRaw: "1450.5" }],
    ["string ResultCode", { resultCode: "0" }, { receipt: "NLJ7RT61SV" }],
    ["lower-case receipt", { receipt: "nlj7rt61sv" }, { receipt: "NLJ7RT61SV" }],
    ["phone as a string", { phone: "254708374149" }, { phone: "254708374149" }],
    ["masked phone dropped", { phone: "2547 ***** 149" }, { phone: undefined }],
    ["date as a string", { transactionDate: "20191219102115" }, { transactionDate: "20191219102115" }],
    ["malformed date dropped", { transactionDate: "yesterday" }, { transactionDate: undefined }],
  ])("%s", (_name, input, expected) => {
    const metadata = parsedOk(getMockedStkCallback(input)).metadata as unknown as Record<string, unknown>
    for (const [key, value] of Object.entries(expected)) {
      expect(metadata[key]).toEqual(value)
    }
  })

  it("keeps a Balance value as text", () => {
    const body = getMockedStkCallback()
    body.Body.stkCallback.CallbackMetadata!.Item.push({ Name: "Balance", Value: undefined })
    const items = body.Body.stkCallback.CallbackMetadata!.Item
    items.splice(2, 1, { Name: "Balance", Value: 5000 })
    items.pop()
    expect(parsedOk(body).metadata?.balance).toBe("5000")
  })

  it("accepts a single item object instead of an array", () => {
    const body = withStk({
      CallbackMetadata: {
        Item: { Name: "Amount", Value: 5 },
      },
    })
    expect(parseStkCallback(body)).toMatchObject({ ok: false, reason: expect.stringContaining("MpesaReceiptNumber") })
  })

  it("parses raw JSON text and Buffers", () => {
    const json = JSON.stringify(getMockedStkCallback())
    expect(parsedOk(json).metadata?.receipt).toBe("NLJ7RT61SV")
    expect(parsedOk(Buffer.from(json)).metadata?.receipt).toBe("NLJ7RT61SV")
  })

  it("ignores extra and huge unrelated fields", () => {
    const body = withStk({ Extra: "x".repeat(200_000), Nested: { deep: [1, 2, 3] } })
    expect(parsedOk(body).success).toBe(true)
  })
})

describe("parseStkCallback: failures", () => {
  it.each<[string, number | string, string, string]>([
    ["cancelled", 1032, "Request cancelled by user", "Request cancelled by user"],
    ["prefixed desc", 1032, "[STK_CB - ]Request cancelled by user", "Request cancelled by user"],
    ["prefix with code", 1032, "[STK_CB - 1032] Request cancelled by user", "Request cancelled by user"],
    ["string code", "SFC_IC0003", "Operator does not exist", "Operator does not exist"],
    ["timeout", 1037, "DS timeout user cannot be reached", "DS timeout user cannot be reached"],
    ["string number code", "1", "The balance is insufficient", "The balance is insufficient"],
  ])("%s", (_name, resultCode, resultDesc, expectedDesc) => {
    const callback = parsedOk(getMockedStkCallback({ resultCode, resultDesc }))
    expect(callback).toMatchObject({
      success: false,
      resultCode: String(resultCode),
      resultDesc: expectedDesc,
    })
    expect(callback.metadata).toBeUndefined()
  })

  it("ignores CallbackMetadata on a failure", () => {
    const body = getMockedStkCallback({ resultCode: 1032 })
    Object.assign(body.Body.stkCallback, getMockedStkCallback().Body.stkCallback, { ResultCode: 1032 })
    expect(parsedOk(body).metadata).toBeUndefined()
  })

  it("keeps SQL and HTML in ResultDesc as inert, bounded text", () => {
    const desc = "<script>alert(1)</script>'; DROP TABLE payment; --\u0000\n" + "A".repeat(1000)
    const callback = parsedOk(getMockedStkCallback({ resultCode: 1032, resultDesc: desc }))
    expect(callback.resultDesc.startsWith("<script>alert(1)</script>'; DROP TABLE payment; --")).toBe(true)
    expect(callback.resultDesc).not.toContain("\u0000")
    expect(callback.resultDesc).not.toContain("\n")
    expect(callback.resultDesc.length).toBeLessThanOrEqual(200)
  })

  it("uses an empty ResultDesc when it is missing or not text", () => {
    expect(parsedOk(withStk({ ResultCode: 1032, ResultDesc: { a: 1 } })).resultDesc).toBe("")
  })
})

describe("parseStkCallback: rejections", () => {
  it.each<[string, unknown, string]>([
    ["undefined", undefined, "Body.stkCallback"],
    ["null", null, "Body.stkCallback"],
    ["an array", [], "Body.stkCallback"],
    ["invalid JSON text", "{not json", "Body.stkCallback"],
    ["huge JSON text", JSON.stringify({ x: "y".repeat(200_000) }), "Body.stkCallback"],
    ["C2B confirmation", { TransID: "RKTQDM7W6S", TransAmount: "10.00" }, "Body.stkCallback"],
    ["Body without stkCallback", { Body: {} }, "Body.stkCallback"],
    ["stkCallback a string", { Body: { stkCallback: "x" } }, "Body.stkCallback"],
    ["missing CheckoutRequestID", withStk({ CheckoutRequestID: undefined }), "CheckoutRequestID"],
    ["numeric CheckoutRequestID", withStk({ CheckoutRequestID: 12345 }), "CheckoutRequestID"],
    ["SQL in CheckoutRequestID", withStk({ CheckoutRequestID: "ws_CO_1' OR '1'='1" }), "CheckoutRequestID"],
    ["huge CheckoutRequestID", withStk({ CheckoutRequestID: "a".repeat(65) }), "CheckoutRequestID"],
    ["missing MerchantRequestID", withStk({ MerchantRequestID: null }), "MerchantRequestID"],
    ["missing ResultCode", withStk({ ResultCode: undefined }), "ResultCode"],
    ["fractional ResultCode", withStk({ ResultCode: 0.5 }), "ResultCode"],
    ["object ResultCode", withStk({ ResultCode: { $gt: 0 } }), "ResultCode"],
    ["HTML ResultCode", withStk({ ResultCode: "<b>0</b>" }), "ResultCode"],
    ["success without metadata", withStk({ CallbackMetadata: undefined }), "CallbackMetadata"],
    ["Item not a list", withStk({ CallbackMetadata: { Item: "Amount=1" } }), "Item"],
    ["missing Amount", getMockedStkCallback({ amount: null as never }), "Amount"],
    ["Amount text", getMockedStkCallback({ amount: "one" }), "Amount"],
    ["negative Amount", getMockedStkCallback({ amount: -1 }), "Amount"],
    ["infinite Amount", getMockedStkCallback({ amount: "1e400" }), "Amount"],
    ["missing receipt", getMockedStkCallback({ receipt: null as never }), "MpesaReceiptNumber"],
    ["HTML receipt", getMockedStkCallback({ receipt: "<img src=x>" }), "MpesaReceiptNumber"],
    ["numeric receipt", getMockedStkCallback({ receipt: 123456789 as never }), "MpesaReceiptNumber"],
  ])("refuses %s", (_name, body, reason) => {
    const result = parseStkCallback(body)
    expect(result.ok).toBe(false)
    expect(!result.ok && result.reason).toContain(reason)
  })

  it("refuses conflicting duplicate items", () => {
    const body = getMockedStkCallback({ amount: 1 })
    body.Body.stkCallback.CallbackMetadata!.Item.push({ Name: "Amount", Value: 250000 })
    expect(parseStkCallback(body)).toMatchObject({ ok: false, reason: expect.stringContaining("conflicting") })
  })

  it("names the CheckoutRequestID of a rejected success so it can be re-queried", () => {
    expect(parseStkCallback(withStk({ CallbackMetadata: undefined }))).toMatchObject({
      ok: false,
      checkoutRequestId: MOCK_CHECKOUT_REQUEST_ID,
    })
    expect(parseStkCallback(withStk({ CheckoutRequestID: "bad id!" }))).not.toHaveProperty("checkoutRequestId")
  })

  it("never throws on hostile input", () => {
    const cyclic: Record<string, unknown> = {}
    cyclic.self = cyclic
    const getterBomb = {
      get Body() {
        throw new Error("boom")
      },
    }
    expect(parseStkCallback(cyclic).ok).toBe(false)
    expect(parseStkCallback(getterBomb)).toEqual({ ok: false, reason: "Unreadable STK callback" })
  })
})

describe("callbackAmountMatches", () => {
  it.each<[number | string, number, boolean]>([
    [1, 1, true],
    ["1.00", 1, true],
    [1450, 1450, true],
    [1450, 1451, false],
    ["1450.5", 1450, false],
    ["1.0000000000000000001", 1, false],
  ])("Amount %p vs expected %p → %p", (amount, expected, matches) => {
    expect(callbackAmountMatches(parsedOk(getMockedStkCallback({ amount })), expected)).toBe(matches)
  })

  it("is false for failures", () => {
    expect(callbackAmountMatches(parsedOk(getMockedStkCallback({ resultCode: 1032 })), 1)).toBe(false)
  })
})
