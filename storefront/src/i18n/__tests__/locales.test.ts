import { describe, expect, it } from "vitest"
import { languageAlternates } from "../alternates"
import { contentLocale, localizedHref, pickLocale, toLocale } from "../locales"

describe("pickLocale", () => {
  it.each([
    ["a first visit with no signal is English", {}, "en"],
    ["a first visit from a Swahili browser is Swahili", { acceptLanguage: "sw" }, "sw"],
    ["Kenyan Swahili with English behind it", { acceptLanguage: "sw-KE,sw;q=0.9,en;q=0.8" }, "sw"],
    ["English first, Swahili second", { acceptLanguage: "en-US,en;q=0.9,sw;q=0.5" }, "en"],
    ["a language we don't have falls to the next one we do", { acceptLanguage: "fr, sw;q=0.3" }, "sw"],
    ["only languages we don't have", { acceptLanguage: "fr-FR,de;q=0.8" }, "en"],
    ["a malformed header", { acceptLanguage: ";;;q=" }, "en"],
    ["the cookie beats the browser", { cookie: "en", acceptLanguage: "sw" }, "en"],
    ["the cookie alone", { cookie: "sw" }, "sw"],
    ["a forged cookie is ignored", { cookie: "xx", acceptLanguage: "sw" }, "sw"],
    ["?lang= beats the cookie", { param: "sw", cookie: "en" }, "sw"],
    ["?lang= in capitals or with a region", { param: "SW-ke", cookie: "en" }, "sw"],
    ["an unknown ?lang= falls back to the cookie", { param: "fr", cookie: "sw" }, "sw"],
  ] as const)("%s", (_name, sources, expected) => {
    expect(pickLocale(sources)).toBe(expected)
  })
})

describe("toLocale", () => {
  it.each([
    ["sw", "sw"],
    ["sw_TZ", "sw"],
    ["EN", "en"],
    ["", undefined],
    [null, undefined],
    ["swahili", undefined],
  ])("%s → %s", (input, expected) => {
    expect(toLocale(input)).toBe(expected)
  })
})

describe("contentLocale", () => {
  it.each([
    ["en", null],
    ["sw", "sw-KE"],
  ] as const)("%s → %s (the store API's Translation Module locale; none for the products' own English)", (locale, expected) => {
    expect(contentLocale(locale)).toBe(expected)
  })
})

describe("language addresses", () => {
  it("sets ?lang= and keeps the rest of the query", () => {
    expect(localizedHref("/ke/store?q=chai&page=2", "sw")).toBe("/ke/store?q=chai&page=2&lang=sw")
    expect(localizedHref("/ke/store?lang=en&q=chai", "sw")).toBe("/ke/store?lang=sw&q=chai")
  })

  it("names one address per language and the plain one as x-default", () => {
    expect(languageAlternates("/ke/cart?lang=sw")).toEqual({
      "x-default": "/ke/cart",
      "en-KE": "/ke/cart?lang=en",
      "sw-KE": "/ke/cart?lang=sw",
    })
  })
})
