import { takeConfirmedRefund, type MpesaPaymentData } from "../refund-records"

describe("takeConfirmedRefund", () => {
  const data: MpesaPaymentData = { checkout_request_id: "ws_CO_1", confirmed_refunds: { mrev_a: "100", mrev_b: "1649.5" } }

  it.each<[string, MpesaPaymentData, string | number, MpesaPaymentData | undefined]>([
    ["takes the matching confirmation once", data, 100, { ...data, confirmed_refunds: { mrev_b: "1649.5" }, recorded_refunds: ["mrev_a"] }],
    ["matches decimal amounts exactly", data, "1649.5", { ...data, confirmed_refunds: { mrev_a: "100" }, recorded_refunds: ["mrev_b"] }],
    ["refuses an amount nobody confirmed", data, 99, undefined],
    ["refuses when nothing is confirmed", { checkout_request_id: "ws_CO_1" }, 100, undefined],
    ["appends to earlier recorded refunds", { confirmed_refunds: { mrev_c: "5" }, recorded_refunds: ["mrev_a"] }, 5, { confirmed_refunds: {}, recorded_refunds: ["mrev_a", "mrev_c"] }],
  ])("%s", (_name, input, amount, expected) => {
    expect(takeConfirmedRefund(input, amount)).toEqual(expected)
  })

  it("a confirmation is used up: the same amount again is refused", () => {
    const once = takeConfirmedRefund({ confirmed_refunds: { mrev_a: "100" } }, 100)!
    expect(takeConfirmedRefund(once, 100)).toBeUndefined()
  })
})
