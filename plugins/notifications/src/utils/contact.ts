/**
 * Recipient addresses as shoppers type them, checked and normalised before a
 * message is planned: SMS gateways want E.164 (+2547XXXXXXXX), and a
 * malformed address must become a recorded failure, not a provider error.
 */

export type Checked = { ok: true; value: string } | { ok: false; reason: string }

const KENYAN_MOBILE = /^254(7\d{8}|1\d{8})$/
const E164 = /^\+[1-9]\d{7,14}$/

/**
 * Kenyan numbers in any common form (0712 345 678, 712345678, 254712345678,
 * +254 712 345 678) become +2547…; other numbers must already be
 * international (+<country><number>).
 */
export function normalizePhone(input: unknown, defaultCountryCode = "254"): Checked {
  if (typeof input !== "string" && typeof input !== "number") {
    return { ok: false, reason: "no phone number" }
  }
  const raw = String(input).trim()
  if (!raw) {
    return { ok: false, reason: "no phone number" }
  }
  if (raw.length > 32 || !/^\+?[\d\s().-]+$/.test(raw)) {
    return { ok: false, reason: `"${raw.slice(0, 32)}" is not a phone number` }
  }
  const digits = raw.replace(/\D/g, "")
  if (raw.startsWith("+") || raw.startsWith("00")) {
    const international = `+${raw.startsWith("00") ? digits.slice(2) : digits}`
    if (international.startsWith("+254") && !KENYAN_MOBILE.test(international.slice(1))) {
      return { ok: false, reason: `${raw} is not a Kenyan mobile number` }
    }
    return E164.test(international)
      ? { ok: true, value: international }
      : { ok: false, reason: `${raw} is not an international phone number` }
  }
  let national = digits
  if (digits.startsWith(defaultCountryCode)) {
    national = digits.slice(defaultCountryCode.length)
  } else if (digits.startsWith("0")) {
    national = digits.slice(1)
  }
  const candidate = `${defaultCountryCode}${national}`
  if (defaultCountryCode === "254" && !KENYAN_MOBILE.test(candidate)) {
    return { ok: false, reason: `${raw} is not a Kenyan mobile number` }
  }
  return E164.test(`+${candidate}`)
    ? { ok: true, value: `+${candidate}` }
    : { ok: false, reason: `${raw} is not a phone number` }
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
