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
  it.each<[string, ReturnType<typeof row> | undefined, string, string, boolean]>([
    ["pending", row("pending"), "pending", PENDING_MESSAGE, false],
    ["paid", row("paid", { receipt_number: "UAB1CD2EF3" }), "paid", PAID_MESSAGE, false],
    ["cancelled: may retry", row("cancelled"), "cancelled", "You cancelled the M-Pesa prompt. Tap Pay again", true],
    ["in review: shown as pending, never invited to pay again", row("review", { flag: "query_disagrees" }), "pending", REVIEW_MESSAGE, false],
    ["sent back from review: over, may pay again", row("refunded", { flag: "second_payment" }), "cancelled", SENT_BACK_MESSAGE, true],
    ["no ledger row yet", undefined, "pending", PENDING_MESSAGE, false],
  ])("%s", (_name, request, status, message, canRetry) => {
    const shown = shopperStatus(null, request)
    expect(shown).toEqual(expect.objectContaining({ status, shopper_message: message, can_retry: canRetry }))
    expect(JSON.stringify(shown)).not.toContain("254708374149")
  })
})
