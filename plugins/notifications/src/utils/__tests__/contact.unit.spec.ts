import { maskPhone, normalizeEmail, normalizePhone } from "../contact"

describe("normalizePhone", () => {
  it.each([
    ["0712345678", "+254712345678"],
    ["0712 345 678", "+254712345678"],
    ["712345678", "+254712345678"],
    ["254712345678", "+254712345678"],
    ["+254 712 345 678", "+254712345678"],
    ["+254-712-345-678", "+254712345678"],
    ["0110123456", "+254110123456"],
    ["00254712345678", "+254712345678"],
    [254712345678, "+254712345678"],
    ["+15005550006", "+15005550006"],
    ["+447911123456", "+447911123456"],
  ])("%p → %p", (input, expected) => {
    expect(normalizePhone(input)).toEqual({ ok: true, value: expected })
  })

  it.each([
    [undefined, /no phone number/],
    ["", /no phone number/],
    ["   ", /no phone number/],
    ["0201234567", /not a Kenyan mobile number/],
    ["+254201234567", /not a Kenyan mobile number/],
    ["07123", /not a Kenyan mobile number/],
    ["call me", /not a phone number/],
    ["+1", /not an international phone number/],
    ["x".repeat(40), /not a phone number/],
  ])("%p is refused", (input, reason) => {
    const result = normalizePhone(input)
    expect(result.ok).toBe(false)
    expect(!result.ok && result.reason).toMatch(reason)
  })
})

describe("normalizeEmail", () => {
  it.each([
    ["Wanjiku@Example.com", { ok: true, value: "wanjiku@example.com" }],
    ["  a.b+tag@shop.co.ke ", { ok: true, value: "a.b+tag@shop.co.ke" }],
    ["", { ok: false, reason: "no email address" }],
    [null, { ok: false, reason: "no email address" }],
    ["not-an-email", { ok: false, reason: '"not-an-email" is not an email address' }],
    ["a@b", { ok: false, reason: '"a@b" is not an email address' }],
    ["a b@c.com", { ok: false, reason: '"a b@c.com" is not an email address' }],
  ])("%p", (input, expected) => {
    expect(normalizeEmail(input)).toEqual(expected)
  })
})

it("masks phone numbers", () => {
  expect(maskPhone("+254712345678")).toBe("+2547*****678")
})
