import { describe, expect, it } from "vitest"
import { clientAddress, readTrustedHops } from "../client-address"
import { safeNextPath } from "../redirect"

const FALLBACK = "/ke/account"

describe("safeNextPath", () => {
  it.each([
    ["/ke/checkout", "/ke/checkout"],
    ["/ke/account/orders?page=2", "/ke/account/orders?page=2"],
    ["/ke/products/kikoi#reviews", "/ke/products/kikoi#reviews"],
    ["/", "/"],
    ["/ke/store?q=t%C3%A9", "/ke/store?q=t%C3%A9"],
    ["/\\evil.example", FALLBACK],
    ["/\\/evil.example", FALLBACK],
    ["//evil.example", FALLBACK],
    ["///evil.example", FALLBACK],
    ["https://evil.example", FALLBACK],
    ["http:/evil.example", FALLBACK],
    ["/%2F%2Fevil", FALLBACK],
    ["/%2f%2fevil.example", FALLBACK],
    ["/%5Cevil.example", FALLBACK],
    ["javascript:alert(1)", FALLBACK],
    ["/\tevil", FALLBACK],
    ["/%E0%A4%A", FALLBACK],
    ["ke/account", FALLBACK],
    ["", FALLBACK],
    [null, FALLBACK],
    [undefined, FALLBACK],
  ])("%j → %s", (raw, expected) => {
    expect(safeNextPath(raw, FALLBACK)).toBe(expected)
  })
})

describe("clientAddress", () => {
  it.each([
    // Next.js fills the header with the socket address when the caller sent none.
    ["198.51.100.7", 1, "198.51.100.7"],
    // A proxy appended what it saw; the caller's own entry is ignored.
    ["6.6.6.6, 198.51.100.7", 1, "198.51.100.7"],
    ["6.6.6.6, 198.51.100.7, 10.0.0.2", 2, "198.51.100.7"],
    ["2001:db8::1", 1, "2001:db8::1"],
    ["198.51.100.7", 2, undefined],
    ["198.51.100.7", 0, undefined],
    [null, 1, undefined],
    ["not an address", 1, undefined],
  ])("%j with %i trusted hops → %s", (header, hops, expected) => {
    expect(clientAddress(header, hops)).toBe(expected)
  })

  it("reads SOKO_STOREFRONT_TRUSTED_PROXIES", () => {
    expect(readTrustedHops(undefined)).toBe(1)
    expect(readTrustedHops("0")).toBe(0)
    expect(readTrustedHops("3")).toBe(3)
    expect(() => readTrustedHops("two")).toThrow(/SOKO_STOREFRONT_TRUSTED_PROXIES/)
  })
})
