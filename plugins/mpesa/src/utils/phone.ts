import { parsePhoneNumberFromString } from "libphonenumber-js/max"

/**
 * Kenyan mobile numbers in the forms shoppers type them, normalised to the
 * MSISDN Daraja expects (2547XXXXXXXX or 2541XXXXXXXX).
 *
 * Parsing and the mobile-range check are libphonenumber-js's (Google's
 * numbering-plan data). We load its `max` metadata because only that one can
 * tell a Safaricom/Airtel mobile range (07xx, 01xx) from a Nairobi landline
 * (020…): landlines cannot receive an STK prompt. This runs on the server, so
 * the larger metadata costs nothing in a browser bundle.
 */

export type PhoneResult =
  | { ok: true; msisdn: string }
  | { ok: false; reason: string }

const EXAMPLE = "e.g. 0712 345 678 or +254 712 345 678"

export function normalizeKenyanPhone(input: unknown): PhoneResult {
  if (typeof input !== "string" && typeof input !== "number") {
    return { ok: false, reason: "Enter a phone number, e.g. 0712 345 678" }
  }
  const raw = String(input).trim()
  if (raw.length === 0) {
    return { ok: false, reason: "Enter a phone number, e.g. 0712 345 678" }
  }
  // libphonenumber would pull a number out of "0712345678; DROP TABLE"; we want the whole input to be one.
  if (raw.length > 32 || !/^\+?[\d\s().-]+$/.test(raw)) {
    return { ok: false, reason: `"${raw.slice(0, 32)}" is not a phone number: use digits only, e.g. 0712 345 678` }
  }
  const parsed = parsePhoneNumberFromString(raw, "KE")
  if (!parsed || parsed.country !== "KE" || !parsed.isValid() || parsed.getType() !== "MOBILE") {
    return { ok: false, reason: `${raw} is not a Kenyan mobile number: use the M-Pesa phone number, ${EXAMPLE}` }
  }
  return { ok: true, msisdn: parsed.number.slice(1) }
}
