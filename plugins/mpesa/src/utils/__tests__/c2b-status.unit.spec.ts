import { readC2bStatus } from "../c2b-status"
import type { InitiatorResult } from "../initiator-result"

const result = (patch: Partial<InitiatorResult> = {}, parameters: Record<string, string | number> = {}): InitiatorResult => ({
  resultCode: "0",
  resultDesc: "The service request is processed successfully.",
  success: true,
  originatorConversationId: "o-1",
  conversationId: "c-1",
  parameters: { ReceiptNo: "RKTQDM7W6S", Amount: 150, TransactionStatus: "Completed", ReasonType: "Pay Bill", ...parameters },
  ...patch,
})

const payment = { trans_id: "RKTQDM7W6S", amount_kes: 150 }

describe("readC2bStatus", () => {
  it.each<[string, InitiatorResult, { trans_id: string; amount_kes: number | null }, string]>([
    ["completed, same receipt and amount", result(), payment, "confirmed"],
    ["a till payment", result({}, { ReasonType: "Buy Goods" }), payment, "confirmed"],
    ["a string amount", result({}, { Amount: "150" }), payment, "confirmed"],
    ["another amount", result({}, { Amount: 1500 }), payment, "confirmation_mismatch"],
    ["an unreadable amount on our side", result(), { ...payment, amount_kes: null }, "confirmation_mismatch"],
    ["a reversal with this receipt", result({}, { ReasonType: "Reversal" }), payment, "confirmation_mismatch"],
    ["no such transaction", result({ resultCode: "R000002", success: false, parameters: {} }), payment, "not_found"],
    ["an error answer", result({ resultCode: "2001", success: false, parameters: {} }), payment, "confirmation_unknown"],
    ["not completed yet", result({}, { TransactionStatus: "Pending" }), payment, "confirmation_unknown"],
    ["about another receipt", result({}, { ReceiptNo: "OTHER12345" }), payment, "confirmation_unknown"],
  ])("%s → %s", (_name, answer, row, event) => {
    expect(readC2bStatus(answer, row).event.type).toBe(event)
  })
})
