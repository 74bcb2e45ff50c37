import { parseInitiatorResult } from "../initiator-result"

const result = (patch: Record<string, unknown> = {}) => ({
  Result: {
    ResultType: 0,
    ResultCode: 0,
    ResultDesc: "The service request is processed successfully.",
    OriginatorConversationID: "8521-4298025-1",
    ConversationID: "AG_20240710_00004e5a1c0f2b3a4c5d",
    TransactionID: "SGL31HA2UV",
    ResultParameters: {
      ResultParameter: [
        { Key: "DebitAccountBalance", Value: "Utility Account|KES|346568.83|346568.83|0.00|0.00" },
        { Key: "Amount", Value: 50 },
        { Key: "OriginalTransactionID", Value: "NLJ7RT61SV" },
        { Key: "Conversation ID", Value: "AG_1" },
      ],
    },
    ReferenceData: { ReferenceItem: { Key: "QueueTimeoutURL", Value: "http://x" } },
    ...patch,
  },
})

describe("parseInitiatorResult", () => {
  it("reads a successful reversal result", () => {
    expect(parseInitiatorResult(result())).toEqual({
      ok: true,
      result: {
        resultCode: "0",
        resultDesc: "The service request is processed successfully.",
        success: true,
        originatorConversationId: "8521-4298025-1",
        conversationId: "AG_20240710_00004e5a1c0f2b3a4c5d",
        transactionId: "SGL31HA2UV",
        parameters: {
          DebitAccountBalance: "Utility Account|KES|346568.83|346568.83|0.00|0.00",
          Amount: 50,
          OriginalTransactionID: "NLJ7RT61SV",
          "Conversation ID": "AG_1",
        },
      },
    })
  })

  it.each<[string, Record<string, unknown>, Record<string, unknown>]>([
    ["already reversed", { ResultCode: "R000001", ResultParameters: undefined }, { resultCode: "R000001", success: false, parameters: {} }],
    ["unknown receipt", { ResultCode: "R000002" }, { resultCode: "R000002", success: false }],
    ["string zero", { ResultCode: "0" }, { resultCode: "0", success: true }],
    ["single parameter object", { ResultParameters: { ResultParameter: { Key: "Amount", Value: 5 } } }, { parameters: { Amount: 5 } }],
    ["odd TransactionID dropped", { TransactionID: "<b>" }, { transactionId: undefined }],
  ])("%s", (_name, patch, expected) => {
    const parsed = parseInitiatorResult(result(patch))
    expect(parsed.ok).toBe(true)
    const value = (parsed.ok ? parsed.result : {}) as Record<string, unknown>
    for (const [key, v] of Object.entries(expected)) {
      expect(value[key]).toEqual(v)
    }
  })

  it("parses JSON text", () => {
    expect(parseInitiatorResult(JSON.stringify(result())).ok).toBe(true)
  })

  it.each<[string, unknown, string]>([
    ["null", null, "Result is missing"],
    ["STK callback", { Body: { stkCallback: {} } }, "Result is missing"],
    ["bad JSON", "{", "Unreadable"],
    ["no ResultCode", result({ ResultCode: undefined }), "ResultCode"],
    ["no ConversationID", result({ ConversationID: undefined }), "ConversationID"],
    ["SQL ConversationID", result({ ConversationID: "AG_1' OR 1=1" }), "ConversationID"],
  ])("refuses %s", (_name, body, reason) => {
    const parsed = parseInitiatorResult(body)
    expect(parsed.ok).toBe(false)
    expect(!parsed.ok && parsed.reason).toContain(reason)
  })
})
