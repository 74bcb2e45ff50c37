import { PAID_MESSAGE, PENDING_MESSAGE } from "../../providers/mpesa/session-data"
import { REVIEW_MESSAGE, SENT_BACK_MESSAGE, shopperStatus } from "../shopper-status"

const row = (status: string, extra: Record<string, unknown> = {}) => ({
  status,
  amount_kes: 1750,
  phone: "254708374149",
  shopper_message: "You cancelled the M-Pesa prompt. Tap Pay again",
  result_desc: "Request cancelled by user",
  ...extra,
})

describe("shopperStatus", () => {
  it.each<[string, ReturnType<typeof row> | undefined, string, string, boolean, string]>([
    ["pending", row("pending"), "pending", PENDING_MESSAGE, false, "pending"],
    ["paid", row("paid", { receipt_number: "UAB1CD2EF3", result_code: "0" }), "paid", PAID_MESSAGE, false, "paid"],
    ["cancelled: may retry", row("cancelled", { result_code: "1032" }), "cancelled", "You cancelled the M-Pesa prompt. Tap Pay again", true, "code_1032"],
    ["a Daraja string code, named safely", row("failed", { result_code: "SFC_IC0003" }), "failed", "You cancelled the M-Pesa prompt. Tap Pay again", true, "code_SFC_IC0003"],
    ["a code the table does not know", row("failed", { result_code: "4242" }), "failed", "You cancelled the M-Pesa prompt. Tap Pay again", true, "failed"],
    ["in review: shown as pending, never invited to pay again", row("review", { flag: "query_disagrees" }), "pending", REVIEW_MESSAGE, false, "review"],
    ["sent back from review: over, may pay again", row("refunded", { flag: "second_payment" }), "cancelled", SENT_BACK_MESSAGE, true, "sent_back"],
    ["no ledger row yet", undefined, "pending", PENDING_MESSAGE, false, "pending"],
  ])("%s", (_name, request, status, message, canRetry, key) => {
    const shown = shopperStatus(null, request)
    expect(shown).toEqual(expect.objectContaining({ status, shopper_message: message, can_retry: canRetry, message_key: key }))
    expect(JSON.stringify(shown)).not.toContain("254708374149")
  })
})
