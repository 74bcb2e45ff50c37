/**
 * Recipient addresses as shoppers type them, checked and normalised before a
 * message is planned: SMS gateways want E.164 (+2547XXXXXXXX), and a
 * malformed address must become a recorded failure, not a provider error.
 */

import { parsePhoneNumberFromString } from "libphonenumber-js/max"

export type Checked = { ok: true; value: string } | { ok: false; reason: string }

const KENYA = "254"

/**
 * Kenyan numbers in any common form (0712 345 678, 712345678, 254712345678,
 * +254 712 345 678) become +2547…; other numbers must already be
 * international (+<country><number>, or 00<country><number>).
 *
 * Parsing is libphonenumber-js's. Its `max` metadata is loaded because a
 * Kenyan number must be a mobile one (an SMS to a Nairobi landline goes
 * nowhere), and only `max` knows number types; numbers abroad need only be
 * possible for their country, as before.
 */
export function normalizePhone(input: unknown, defaultCountryCode = KENYA): Checked {
  if (typeof input !== "string" && typeof input !== "number") {
    return { ok: false, reason: "no phone number" }
  }
  const raw = String(input).trim()
  if (!raw) {
    return { ok: false, reason: "no phone number" }
  }
  // libphonenumber would pull a number out of surrounding text; the whole input must be one.
  if (raw.length > 32 || !/^\+?[\d\s().-]+$/.test(raw)) {
    return { ok: false, reason: `"${raw.slice(0, 32)}" is not a phone number` }
  }
  const international = raw.startsWith("+") || raw.startsWith("00")
  const parsed = parsePhoneNumberFromString(raw.startsWith("00") ? `+${raw.slice(2)}` : raw, {
    defaultCallingCode: defaultCountryCode,
  })
  const kenyan = parsed ? parsed.countryCallingCode === KENYA : !international && defaultCountryCode === KENYA
  if (kenyan) {
    return parsed?.isValid() && parsed.getType() === "MOBILE"
      ? { ok: true, value: parsed.number }
      : { ok: false, reason: `${raw} is not a Kenyan mobile number` }
  }
  if (!parsed?.isPossible()) {
    return { ok: false, reason: `${raw} is not ${international ? "an international" : "a"} phone number` }
  }
  return { ok: true, value: parsed.number }
}

const EMAIL = /^[^\s@<>()[\]\\,;:"]+@[^\s@<>()[\]\\,;:"]+\.[^\s@<>()[\]\\,;:"]{2,}$/

export function normalizeEmail(input: unknown): Checked {
  if (typeof input !== "string" || !input.trim()) {
    return { ok: false, reason: "no email address" }
  }
  const value = input.trim()
  return EMAIL.test(value) && value.length <= 254
    ? { ok: true, value: value.toLowerCase() }
    : { ok: false, reason: `"${value.slice(0, 64)}" is not an email address` }
}

/** +254712345678 → +254 7** *** 678, for logs and admin lists that need not show the whole number. */
export function maskPhone(e164: string): string {
  return e164.length > 7 ? `${e164.slice(0, 5)}${"*".repeat(e164.length - 8)}${e164.slice(-3)}` : e164
}
