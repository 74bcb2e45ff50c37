import { describe, expect, it } from "vitest"
import { orderPagePath, orderTokenOf, retryAfterSeconds, statusPollUrl } from "../mpesa"

const TOKEN = "Zx9_-".repeat(8) + "abc"

describe("order-link token", () => {
  it.each<[unknown, string | undefined]>([
    [TOKEN, TOKEN],
    ["short", undefined],
    ["has space in it 1234567890", undefined],
    ["a%00bcdefghijklmnopq", undefined],
    [["a".repeat(43)], undefined],
    [undefined, undefined],
  ])("orderTokenOf(%p) = %p", (value, expected) => {
    expect(orderTokenOf(value)).toBe(expected)
  })

  it("keeps a valid token in order page links and the poll URL, drops anything else", () => {
    expect(orderPagePath("ke", "order_1", "pay", TOKEN)).toBe(`/ke/order/order_1/pay?token=${TOKEN}`)
    expect(orderPagePath("ke", "order_1", "confirmed")).toBe("/ke/order/order_1/confirmed")
    expect(orderPagePath("ke", "order_1", "pay", "<script>")).toBe("/ke/order/order_1/pay")
    expect(statusPollUrl("order_1", TOKEN)).toBe(`/api/mpesa/status?order_id=order_1&token=${TOKEN}`)
    expect(statusPollUrl("order_1")).toBe("/api/mpesa/status?order_id=order_1")
  })
})

describe("retryAfterSeconds", () => {
  const now = Date.parse("2026-12-05T10:00:00Z")
  it.each<[string | null | undefined, number | undefined]>([
    ["120", 120],
    [" 5 ", 5],
    ["0", undefined],
    ["999999", 86400],
    ["Sat, 05 Dec 2026 10:02:00 GMT", 120],
    ["Sat, 05 Dec 2026 09:00:00 GMT", undefined],
    ["soon", undefined],
    ["", undefined],
    [null, undefined],
  ])("%p → %p", (header, seconds) => {
    expect(retryAfterSeconds(header, now)).toBe(seconds)
  })
})
