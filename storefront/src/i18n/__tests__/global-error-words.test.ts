import { describe, expect, it } from "vitest"
import en from "../../../messages/en.json"
import sw from "../../../messages/sw.json"
import { GLOBAL_ERROR_COOKIE, GLOBAL_ERROR_WORDS, globalErrorLocale } from "../global-error-words"
import { LOCALE_COOKIE } from "../locales"

describe("the global error page's words", () => {
  it("are the error namespace's, in both languages", () => {
    expect(GLOBAL_ERROR_WORDS.en).toEqual(en.error)
    expect(GLOBAL_ERROR_WORDS.sw).toEqual(sw.error)
  })

  it("read the cookie the language switch writes", () => {
    expect(GLOBAL_ERROR_COOKIE).toBe(LOCALE_COOKIE)
  })

  it.each<[string, string, string[], string]>([
    ["the remembered choice", "soko_lang=sw", ["en-US"], "sw"],
    ["among other cookies", "_ga=1; soko_lang=sw; cart=abc", [], "sw"],
    ["English remembered over a Swahili browser", "soko_lang=en", ["sw-KE"], "en"],
    ["the browser's Swahili on a first visit", "", ["sw-KE", "en"], "sw"],
    ["the first language we have", "", ["fr-FR", "sw"], "sw"],
    ["English before Swahili in the browser", "", ["en-GB", "sw"], "en"],
    ["nothing we have", "", ["fr-FR"], "en"],
    ["a cookie value we do not have", "soko_lang=fr", ["sw"], "sw"],
    ["a cookie whose name only ends the same", "xsoko_lang=sw", [], "en"],
  ])("%s", (_, cookie, languages, expected) => {
    expect(globalErrorLocale(cookie, languages)).toBe(expected)
  })
})
