import {
  cleanUntrustedText,
  findForbiddenUrlWord,
  sanitizeAccountReference,
  sanitizeRemarks,
  sanitizeTransactionDesc,
} from "../text"

describe("sanitizeAccountReference", () => {
  it.each<[unknown, string]>([
    ["order123", "order123"],
    ["Order #1001", "Order 1001"],
    ["a@b.com & co", "a b com co"],
    ["SOKO-12345678901", "SOKO-1234567"],
    ["   ", "Payment"],
    ["@#&", "Payment"],
    [null, "Payment"],
    [1001, "1001"],
    ["Crème brûlée", "Creme brulee"],
    ["cart_01JABCDEF", "cart 01JABCD"],
  ])("%p → %p", (input, expected) => {
    const result = sanitizeAccountReference(input)
    expect(result).toBe(expected)
    expect(result.length).toBeLessThanOrEqual(12)
  })

  it("uses the fallback when nothing is left", () => {
    expect(sanitizeAccountReference("###", "Soko Shop")).toBe("Soko Shop")
  })
})

describe("sanitizeTransactionDesc", () => {
  it.each<[unknown, string]>([
    ["Payment", "Payment"],
    ["Payment for order #12", "Payment for o"],
    ["<b>hi</b>", "b hi b"],
    [undefined, "Payment"],
  ])("%p → %p", (input, expected) => {
    const result = sanitizeTransactionDesc(input)
    expect(result).toBe(expected)
    expect(result.length).toBeLessThanOrEqual(13)
  })
})

describe("sanitizeRemarks", () => {
  it.each<[unknown, string]>([
    ["Refund order 1001", "Refund order 1001"],
    ["x", "Refund"],
    ["", "Refund"],
    ["r".repeat(150), "r".repeat(100)],
  ])("%p → %p", (input, expected) => {
    expect(sanitizeRemarks(input)).toBe(expected)
  })
})

describe("cleanUntrustedText", () => {
  it.each<[unknown, number, string | undefined]>([
    ["plain", 10, "plain"],
    ["a\u0000b\nc", 10, "a b c"],
    ["long text", 4, "long"],
    [42, 10, "42"],
    [{}, 10, undefined],
    [undefined, 10, undefined],
  ])("%p (max %p) → %p", (input, max, expected) => {
    expect(cleanUntrustedText(input, max)).toBe(expected)
  })
})

describe("findForbiddenUrlWord", () => {
  it.each<[string, string | undefined]>([
    ["https://shop.example.co.ke", undefined],
    ["https://shop.example.co.ke/hooks/payment/daraja_daraja", undefined],
    ["https://shop.example.co.ke/hooks/payment/mpesa_mpesa", "mpesa"],
    ["https://MPESA.example.com", "mpesa"],
    ["https://m-pesa.example.com", "m-pesa"],
    ["https://safaricom-shop.co.ke", "safaricom"],
    ["https://example.com/run.exe", "exe"],
    ["https://executive.co.ke", "exec"],
    ["https://example.com/cmd", "cmd"],
    ["https://mysql.example.com", "sql"],
    ["https://example.com/?query=1", "query"],
  ])("%p → %p", (url, word) => {
    expect(findForbiddenUrlWord(url)).toBe(word)
  })
})
