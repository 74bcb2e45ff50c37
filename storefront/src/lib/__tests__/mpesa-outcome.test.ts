import { type AbstractIntlMessages, createTranslator } from "next-intl"
import { describe, expect, it } from "vitest"
import en from "../../../messages/en.json"
import sw from "../../../messages/sw.json"
import { type MpesaStatus, outcomeMessage, reasonLine } from "../mpesa"

// Untyped messages, as the page's useTranslations sees them: keys come from the backend at run time.
const english = createTranslator({ locale: "en-KE", messages: en as AbstractIntlMessages, namespace: "mpesaOutcome" })
const swahili = createTranslator({ locale: "sw-KE", messages: sw as AbstractIntlMessages, namespace: "mpesaOutcome" })

/**
 * Every message_key the M-Pesa plugin sends (plugins/mpesa/src/lib/shopper-status.ts
 * and the result-code TABLE in plugins/mpesa/src/utils/result-codes.ts). Listed here
 * rather than read from the plugin: the storefront is built without the backend.
 */
const PLUGIN_KEYS = [
  "paid",
  "pending",
  "review",
  "sent_back",
  "failed",
  ...["0", "1", "2", "3", "4", "8", "17", "1001", "1019", "1025", "1032", "1037", "1101", "2001", "2028", "8006", "9999", "SFC_IC0003"].map(
    (code) => `code_${code}`
  ),
]

describe("mpesaOutcome messages", () => {
  it("have a message for every key the plugin sends, and no other", () => {
    expect(Object.keys(en.mpesaOutcome).sort()).toEqual([...PLUGIN_KEYS].sort())
  })

  it("keep M-Pesa and PIN as the shopper knows them", () => {
    const swahiliTexts = Object.values(sw.mpesaOutcome)
    expect(swahiliTexts.filter((text) => /mpesa|m-pesa/i.test(text) && !text.includes("M-Pesa"))).toEqual([])
    expect(swahiliTexts.filter((text) => /\bpin\b/i.test(text) && !text.includes("PIN"))).toEqual([])
  })
})

describe("outcomeMessage", () => {
  const backend = "You cancelled the M-Pesa prompt. Tap Pay again to get a new prompt."
  it.each<[string, Pick<MpesaStatus, "message_key" | "shopper_message">, typeof english, string]>([
    ["a known key, English", { message_key: "code_1032", shopper_message: backend }, english, "You cancelled the M-Pesa prompt. Send a new prompt to pay."],
    ["a known key, Swahili", { message_key: "code_1032", shopper_message: backend }, swahili, "Ulighairi ombi la M-Pesa. Tuma ombi jipya ili ulipe."],
    ["a Daraja string code", { message_key: "code_SFC_IC0003", shopper_message: backend }, swahili, sw.mpesaOutcome.code_SFC_IC0003],
    ["the review queue, Swahili", { message_key: "review", shopper_message: backend }, swahili, sw.mpesaOutcome.review],
    ["a key the shop has no message for yet: the backend's sentence", { message_key: "code_4242", shopper_message: backend }, swahili, backend],
    ["an older backend without keys", { shopper_message: backend }, swahili, backend],
    ["an empty key", { message_key: "", shopper_message: backend }, swahili, backend],
    ["a key that would reach into another message (dots nest)", { message_key: "code_1032.x", shopper_message: backend }, swahili, backend],
    ["an inherited object name is never looked up", { message_key: "__proto__", shopper_message: backend }, swahili, backend],
    ["nor another", { message_key: "constructor", shopper_message: backend }, swahili, backend],
  ])("%s", (_name, status, t, expected) => {
    expect(outcomeMessage(status, t)).toBe(expected)
  })
})

describe("reasonLine", () => {
  const failed = { status: "failed" as const, shopper_message: "The M-Pesa PIN was wrong.", reason: "Wrong M-Pesa PIN" }
  it.each<[string, Pick<MpesaStatus, "status" | "reason" | "shopper_message">, boolean, string | undefined]>([
    ["a failed payment on an English page", failed, true, "Wrong M-Pesa PIN"],
    ["the same on a Swahili page: the English reason is left out", failed, false, undefined],
    ["cancelled, English", { ...failed, status: "cancelled", reason: "Cancelled by the customer" }, true, "Cancelled by the customer"],
    ["expired, English", { ...failed, status: "expired", reason: "The prompt expired" }, true, "The prompt expired"],
    ["no reason", { ...failed, reason: undefined }, true, undefined],
    ["a reason that only repeats the message", { ...failed, reason: failed.shopper_message }, true, undefined],
    ["still pending", { ...failed, status: "pending" }, true, undefined],
  ])("%s", (_name, status, englishPage, expected) => {
    expect(reasonLine(status, englishPage)).toBe(expected)
  })
})
