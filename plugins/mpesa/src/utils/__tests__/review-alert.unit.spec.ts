import { reviewAlert } from "../review-alert"

describe("reviewAlert", () => {
  it.each<[string | null, string | null, RegExp]>([
    ["second_payment", "UAB1CD2EF3", /KES 1,750 from 2547\*\*\*149, receipt UAB1CD2EF3: a second payment/],
    ["amount_mismatch", null, /KES 1,750 from 2547\*\*\*149: the amount Safaricom reported differs/],
    ["query_disagrees", null, /STK Query says not paid/],
    ["paid_after_cancelled", "UAB1CD2EF3", /paid after the prompt was recorded as cancelled/],
  ])("%s", (flag, receipt, expected) => {
    const alert = reviewAlert({ amount_kes: 1750, flag, phone_masked: "2547***149", receipt })
    expect(alert.title).toBe("M-Pesa payment needs review")
    expect(alert.description).toMatch(expected)
    expect(alert.description).toMatch(/Attach it to an order or refund it/)
  })
})
