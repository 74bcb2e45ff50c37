import { payAnotherWay } from "../session-data"
import type { ResolvedC2bOptions } from "../types"

const c2b = (patch: Partial<ResolvedC2bOptions>): ResolvedC2bOptions => ({
  shortcode: "600984",
  type: "paybill",
  accountFormat: "both",
  validation: false,
  pullTransactions: false,
  pullWindowHours: 24,
  tillWindowMinutes: 60,
  ...patch,
})

describe("payAnotherWay: what a session tells the order's messages", () => {
  it.each<[string, ResolvedC2bOptions | undefined, ReturnType<typeof payAnotherWay>]>([
    ["C2B off", undefined, undefined],
    ["paybill, order number or short code", c2b({}), { type: "paybill", number: "600984", account: "order_number" }],
    ["paybill, order number only", c2b({ accountFormat: "display_id" }), { type: "paybill", number: "600984", account: "order_number" }],
    // The short code is the order id's: no message sent before the order exists could name it.
    ["paybill, short code only", c2b({ accountFormat: "short_code" }), undefined],
    ["till: no account field", c2b({ type: "till", shortcode: "5123456" }), { type: "till", number: "5123456", account: null }],
  ])("%s", (_, options, expected) => {
    expect(payAnotherWay(options)).toEqual(expected)
  })
})
