import { normalizeKenyanPhone } from "../phone"

describe("normalizeKenyanPhone", () => {
  it.each([
    ["0712345678", "254712345678"],
    ["+254712345678", "254712345678"],
    ["254712345678", "254712345678"],
    ["712345678", "254712345678"],
    ["0712 345 678", "254712345678"],
    ["+254 (712) 345-678", "254712345678"],
    ["0110123456", "254110123456"],
    ["254708374149", "254708374149"],
    [" 0712345678 ", "254712345678"],
  ])("accepts %p as %p", (input, msisdn) => {
    expect(normalizeKenyanPhone(input)).toEqual({ ok: true, msisdn })
  })

  it.each([
    [""],
    ["   "],
    ["0202345678"],
    ["07123456"],
    ["07123456789"],
    ["+255712345678"],
    ["254812345678"],
    ["abc"],
    ["0712345678; DROP TABLE"],
    ["<script>"],
    ["1".repeat(40)],
  ])("rejects %p with a reason", (input) => {
    const result = normalizeKenyanPhone(input)
    expect(result.ok).toBe(false)
    expect(result.ok === false && result.reason.length).toBeGreaterThan(10)
  })

  it.each([[null], [undefined], [{}], [[]]])("rejects non-strings like %p", (input) => {
    expect(normalizeKenyanPhone(input).ok).toBe(false)
  })
})
