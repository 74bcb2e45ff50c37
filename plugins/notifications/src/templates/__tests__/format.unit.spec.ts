import { formatDate, formatMoney, toAmount } from "../format"

describe("formatMoney", () => {
  it.each([
    [3350, "kes", "KES 3,350"],
    [1450.5, "kes", "KES 1,450.50"],
    ["12.5", "usd", "USD 12.50"],
    [{ value: "99", precision: 20 }, "kes", "KES 99"],
    [{ numeric: 1000000 }, "kes", "KES 1,000,000"],
    [0, "kes", "KES 0"],
    [5, undefined, "5"],
    [undefined, "kes", ""],
    ["abc", "kes", ""],
    [NaN, "kes", ""],
  ])("%p %p → %p", (value, currency, expected) => {
    expect(formatMoney(value, currency)).toBe(expected)
  })

  it("reads amounts defensively", () => {
    expect(toAmount(null)).toBeUndefined()
    expect(toAmount("  ")).toBeUndefined()
  })
})

describe("formatDate", () => {
  it.each([
    ["2026-11-21T10:00:00Z", "en", "21 Nov 2026"],
    ["2026-11-21T22:30:00Z", "en", "22 Nov 2026"],
    ["2026-08-01T00:00:00Z", "sw", "1 Ago 2026"],
    [new Date("2026-12-31T12:00:00Z"), "sw", "31 Des 2026"],
    ["not a date", "en", ""],
    [undefined, "en", ""],
  ] as const)("%p (%s) → %p", (value, locale, expected) => {
    expect(formatDate(value, locale)).toBe(expected)
  })
})
