/**
 * Kenyan mobile numbers in the forms shoppers type them, normalised to the
 * MSISDN Daraja expects (2547XXXXXXXX or 2541XXXXXXXX).
 */

export type PhoneResult =
  | { ok: true; msisdn: string }
  | { ok: false; reason: string }

// Safaricom, Airtel and Telkom mobile ranges start 7xx or 1xx after the
// country code; landlines (20, 41, ...) cannot receive an STK prompt.
const KENYAN_MOBILE = /^254(7\d{8}|1\d{8})$/

export function normalizeKenyanPhone(input: unknown): PhoneResult {
  if (typeof input !== "string" && typeof input !== "number") {
    return { ok: false, reason: "Enter a phone number, e.g. 0712 345 678" }
  }
  const raw = String(input).trim()
  if (raw.length === 0) {
    return { ok: false, reason: "Enter a phone number, e.g. 0712 345 678" }
  }
  if (raw.length > 32 || !/^\+?[\d\s().-]+$/.test(raw)) {
    return {
      ok: false,
      reason: `"${raw.slice(0, 32)}" is not a phone number: use digits only, e.g. 0712 345 678`,
    }
  }
  const digits = raw.replace(/\D/g, "")
  let msisdn: string
  if (digits.startsWith("254")) {
    msisdn = digits
  } else if (digits.startsWith("0")) {
    msisdn = `254${digits.slice(1)}`
  } else if (digits.length === 9) {
    msisdn = `254${digits}`
  } else {
    msisdn = digits
  }
  if (!KENYAN_MOBILE.test(msisdn)) {
    return {
      ok: false,
      reason: `${raw} is not a Kenyan mobile number: use the M-Pesa phone number, e.g. 0712 345 678 or +254 712 345 678`,
    }
  }
  return { ok: true, msisdn }
}
