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

describe("readRefundStatus for a receipt the merchant named (a reversal Daraja never answered)", () => {
  const unanswered: RefundUnderCheck = { id: "mrev_2", method: "reversal", amount_kes: 300, claimed_receipt: "UZZ9YY8XX7" }
  const reversal = (params: Record<string, string | number> = {}, code = "0") =>
    completed({ ReceiptNo: "UZZ9YY8XX7", ReasonType: "Reversal", "Conversation ID": "AG_x", "Originator Conversation ID": "oc_x", ...params }, code)

  it.each<[string, InitiatorResult, boolean, string | undefined]>([
    ["the named reversal, completed, same amount", reversal(), false, "status_completed"],
    ["receipt in lower case on the statement", reversal({ ReceiptNo: "uzz9yy8xx7" }), false, "status_completed"],
    ["an unknown receipt proves nothing about our request", reversal({}, "R000002"), false, undefined],
    ["another receipt's answer", reversal({ ReceiptNo: "UOTHER0001" }), false, undefined],
    ["the receipt of a payment, not a reversal", reversal({ ReasonType: "Pay Bill Online" }), false, undefined],
    ["a different amount", reversal({ Amount: 299 }), false, undefined],
    ["not completed", reversal({ TransactionStatus: "Pending" }), false, undefined],
    ["another of our refunds' reversal", reversal(), true, undefined],
    ["a Daraja error", reversal({}, "2001"), false, undefined],
  ])("%s", (_name, result, elsewhere, event) => {
    const reading = readRefundStatus(result, unanswered, elsewhere)
    expect(reading.event?.type).toBe(event)
    expect(reading.note).toMatch(/UZZ9YY8XX7|UOTHER0001/)
  })

  it("a claim does not change how a refund with Daraja's ids is read", () => {
    const withIds = { ...refund, claimed_receipt: "UZZ9YY8XX7" }
    expect(readRefundStatus(completed(), withIds).event?.type).toBe("status_completed")
    expect(readRefundStatus(completed({}, "R000002"), withIds).event?.type).toBe("status_not_found")
  })
})
