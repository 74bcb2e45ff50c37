import { readFileSync } from "fs"
import { join } from "path"
import { maskPhone, normalizeEmail, normalizePhone } from "../contact"

// One table for every consumer of Kenyan phone numbers (see its "about").
type Expected = string | { refused: string }
const { cases } = JSON.parse(readFileSync(join(__dirname, "../../../../../test-fixtures/kenyan-phones.json"), "utf8")) as {
  cases: { input?: unknown; notifications: Expected }[]
}

describe("normalizePhone", () => {
  it.each(cases.map((c) => [c.input, c.notifications] as const))("%p → %j", (input, expected) => {
    const result = normalizePhone(input)
    expect(result).toEqual(typeof expected === "string" ? { ok: true, value: expected } : { ok: false, reason: expected.refused })
  })

  it.each([
    ["0712345678", "255", "+255712345678"],
    ["255712345678", "255", "+255712345678"],
    ["0712345678", "254", "+254712345678"],
  ])("%p with default country code %p → %p", (input, code, expected) => {
    expect(normalizePhone(input, code)).toEqual({ ok: true, value: expected })
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
