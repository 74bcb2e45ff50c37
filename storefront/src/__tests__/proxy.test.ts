import { NextRequest } from "next/server"
import { describe, expect, it } from "vitest"
import { LOCALE_COOKIE, LOCALE_HEADER, PAGE_URL_HEADER } from "@/i18n/locales"
import { proxy } from "../proxy"

/** What the page render will see: Next passes overridden request headers as x-middleware-request-*. */
function forwarded(response: Response, name: string): string | null {
  return response.headers.get(`x-middleware-request-${name}`)
}

describe("proxy: language", () => {
  it("remembers ?lang=sw in a cookie and tells this render", () => {
    const response = proxy(new NextRequest("http://shop.test/ke/cart?lang=sw"))
    expect(forwarded(response, LOCALE_HEADER)).toBe("sw")
    expect(forwarded(response, PAGE_URL_HEADER)).toBe("/ke/cart?lang=sw")
    expect(response.headers.get("set-cookie")).toMatch(new RegExp(`^${LOCALE_COOKIE}=sw;.*HttpOnly`, "i"))
  })

  it("leaves the cookie alone without ?lang=, and ignores a forged language header", () => {
    const request = new NextRequest("http://shop.test/ke/store?q=chai", { headers: { [LOCALE_HEADER]: "sw" } })
    const response = proxy(request)
    expect(forwarded(response, LOCALE_HEADER)).toBeNull()
    expect(forwarded(response, PAGE_URL_HEADER)).toBe("/ke/store?q=chai")
    expect(response.headers.get("set-cookie")).toBeNull()
  })

  it("ignores an unknown ?lang=", () => {
    const response = proxy(new NextRequest("http://shop.test/ke?lang=fr"))
    expect(forwarded(response, LOCALE_HEADER)).toBeNull()
    expect(response.headers.get("set-cookie")).toBeNull()
  })

  it("keeps ?lang= when it adds the country", () => {
    const response = proxy(new NextRequest("http://shop.test/store?lang=sw"))
    expect(response.headers.get("location")).toBe("http://shop.test/ke/store?lang=sw")
  })
})
