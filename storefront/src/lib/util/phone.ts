import { parsePhoneNumberFromString } from "libphonenumber-js/mobile"

/**
 * Kenyan mobile numbers in the forms shoppers type them: 0712 345 678,
 * +254 712 345 678, 254712345678, 712345678 (also 01xx numbers). The backend
 * validates authoritatively; this gives instant feedback and a tidy display.
 *
 * Parsing is libphonenumber-js's, with the library's `mobile` metadata rather
 * than `max`: it is smaller, and with it `isValid()` is true only for mobile
 * numbers, which is the one check we need (landlines cannot pay by M-Pesa).
 * Server code only: client components get numbers already formatted
 * (`withPhoneDisplay`, or a `displayKenyanPhone` result as a prop), so the
 * metadata (about 34 KB of gzip JavaScript) stays out of the browser.
 */
export function normalizeKenyanPhone(input: string | null | undefined): string | null {
  // The whole input must be a number; libphonenumber would pull one out of "0712345abc".
  if (!input || !/^\+?[\d\s().-]+$/.test(input.trim())) {
    return null
  }
  const parsed = parsePhoneNumberFromString(input, "KE")
  return parsed?.country === "KE" && parsed.isValid() ? parsed.number.slice(1) : null
}

/** 254712345678 → "0712 345 678" */
export function displayKenyanPhone(input: string | null | undefined): string {
  const normalized = normalizeKenyanPhone(input)
  if (!normalized) {
    return input ?? ""
  }
  const national = `0${normalized.slice(3)}`
  return `${national.slice(0, 4)} ${national.slice(4, 7)} ${national.slice(7)}`
}

/** Values with a phone, plus `phone_display` (displayKenyanPhone of it) for a client form to pre-fill. */
export function withPhoneDisplay<T extends { phone?: string | null }>(values: T): T & { phone_display: string } {
  return { ...values, phone_display: displayKenyanPhone(values.phone) }
}
