import { readFileSync } from "fs"
import { join } from "path"
import { describe, expect, it } from "vitest"
import { countryName, countyName } from "../kenya"
import { backendStaticUrl, mediaUrl } from "../media"
import { formatMoney } from "../money"
import { displayKenyanPhone, normalizeKenyanPhone } from "../phone"

describe("formatMoney", () => {
  it.each([
    [1450, "kes", "KES 1,450"],
    [1450.5, "KES", "KES 1,450.50"],
    [0, "kes", "KES 0"],
    [1234567, "kes", "KES 1,234,567"],
    [-300, "kes", "−KES 300"],
    [12, "usd", "$12.00"],
    [12.5, "eur", "€12.50"],
    [null, "kes", "KES 0"],
    [Number.NaN, "kes", "KES 0"],
  ])("%s %s → %s", (amount, currency, expected) => {
    expect(formatMoney(amount as number, currency)).toBe(expected)
  })
})

// One table for every consumer of Kenyan phone numbers (see its "about").
const { cases } = JSON.parse(readFileSync(join(__dirname, "../../../../../test-fixtures/kenyan-phones.json"), "utf8")) as {
  cases: { input?: string | null; storefront?: string | null }[]
}

describe("normalizeKenyanPhone", () => {
  it.each(cases.filter((c) => "storefront" in c).map((c) => [c.input, c.storefront] as const))("%s → %s", (input, expected) => {
    expect(normalizeKenyanPhone(input)).toBe(expected)
  })

  it("displays numbers the Kenyan way", () => {
    expect(displayKenyanPhone("254708374149")).toBe("0708 374 149")
    expect(displayKenyanPhone("+44 20 7946 0000")).toBe("+44 20 7946 0000")
  })
})

describe("mediaUrl", () => {
  it.each([
    ["http://localhost:9000/static/1-coffee.svg", "/static/1-coffee.svg"],
    ["http://127.0.0.1:9300/static/a/b.png?v=2", "/static/a/b.png?v=2"],
    ["https://cdn.example.com/static/x.png", "https://cdn.example.com/static/x.png"],
    ["http://localhost:9000/uploads/x.png", "http://localhost:9000/uploads/x.png"],
    ["/static/x.svg", "/static/x.svg"],
    ["not a url", null],
    ["", null],
    [null, null],
  ])("%s → %s", (input, expected) => {
    expect(mediaUrl(input)).toBe(expected)
  })
})

describe("backendStaticUrl", () => {
  it.each([
    ["/static/1-coffee.svg", "http://localhost:9000/static/1-coffee.svg"],
    ["/static/a/b.png", "http://localhost:9000/static/a/b.png"],
    ["/static/", null],
    ["/static/a//b.png", null],
    ["/static/../.env", null],
    ["/static/a/..", null],
    ["/static/%2e%2e/admin/users", null],
    ["/static/a%2Fb", null],
    ["/static/.env", null],
    ["/statics/x.png", null],
    [`/static/${"a".repeat(202)}`, null],
  ])("%s → %s", (pathname, expected) => {
    expect(backendStaticUrl(pathname, "http://localhost:9000/")).toBe(expected)
  })
})

describe("Kenyan addresses", () => {
  it("reads counties however they are written", () => {
    expect(countyName("Nairobi County")).toBe("Nairobi")
    expect(countyName("murang'a")).toBe("Murang'a")
    expect(countyName("Somewhere")).toBe("Somewhere")
    expect(countyName(undefined)).toBe("")
  })

  it("names countries", () => {
    expect(countryName("KE")).toBe("Kenya")
    expect(countryName("zz", "Zedland")).toBe("Zedland")
    expect(countryName("us", null, "sw-KE")).toBe("Marekani")
    expect(countryName("ke", null, "sw-KE")).toBe("Kenya")
    expect(countryName("zz", "Zedland", "sw-KE")).toBe("Zedland")
    expect(countryName("zz")).toBe("ZZ")
  })
})
