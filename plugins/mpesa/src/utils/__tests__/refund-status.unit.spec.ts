import type { InitiatorResult } from "../initiator-result"
import { readRefundStatus, type RefundUnderCheck } from "../refund-status"

const refund: RefundUnderCheck = { id: "mrev_1", method: "b2c", amount_kes: 300, conversation_id: "AG_1", originator_conversation_id: "mrev_1" }
const completed = (params: Record<string, string | number> = {}, code = "0"): InitiatorResult => ({
  resultCode: code,
  resultDesc: "done",
  success: code === "0",
  originatorConversationId: "ts_1",
  conversationId: "AG_ts",
  parameters: { TransactionStatus: "Completed", Amount: 300, ReceiptNo: "UAB1CD2EF3", "Conversation ID": "AG_1", ...params },
})

describe("readRefundStatus", () => {
  it.each<[string, InitiatorResult, RefundUnderCheck, string | undefined, string | undefined]>([
    ["completed for our ids and amount", completed(), refund, "status_completed", "UAB1CD2EF3"],
    ["matched by the id we sent (B2C originator)", completed({ "Conversation ID": "", "Originator Conversation ID": "mrev_1" }), { ...refund, conversation_id: null }, "status_completed", "UAB1CD2EF3"],
    ["not found", completed({}, "R000002"), refund, "status_not_found", undefined],
    ["not found, for ids a result body gave: proves nothing", completed({}, "R000002"), { ...refund, ids_from_result: true }, undefined, undefined],
    ["completed, for ids a result body gave: Safaricom's word", completed(), { ...refund, ids_from_result: true }, "status_completed", "UAB1CD2EF3"],
    ["another transaction's answer", completed({ "Conversation ID": "AG_other" }), refund, undefined, undefined],
    ["a different amount", completed({ Amount: 3000 }), refund, undefined, undefined],
    ["not completed yet", completed({ TransactionStatus: "Pending" }), refund, undefined, undefined],
    ["a Daraja error", completed({}, "2001"), refund, undefined, undefined],
    ["a reversal is only matched by Daraja's ids", completed({ "Conversation ID": "", "Originator Conversation ID": "mrev_1" }), { ...refund, method: "reversal", conversation_id: "AG_9", originator_conversation_id: "x" }, undefined, undefined],
  ])("%s", (_name, result, target, event, receipt) => {
    const reading = readRefundStatus(result, target)
    expect(reading.event?.type).toBe(event)
    expect("receipt" in reading ? reading.receipt : undefined).toBe(receipt)
    expect(reading.note).toEqual(expect.any(String))
  })
})
