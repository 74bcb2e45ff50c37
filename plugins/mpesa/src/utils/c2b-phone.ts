/**
 * The payer's phone in a C2B confirmation. Daraja masks it ("2547 ***** 126"),
 * and newer API versions may send a hash instead; the sandbox's older version
 * sends it whole. We keep only what a masked number shows (the first four and
 * last three digits), whatever arrived, so a full number never reaches the
 * ledger, a log or the admin.
 */

export type VisibleDigits = { prefix: string; suffix: string }

const PREFIX = 4
const SUFFIX = 3

// Digits, then a run of mask characters (with spaces), then digits: "2547 ***** 126", "2547*****126", "2547XXXXX126".
const MASKED = /^(\d{3,6})[\s*xX•]*[*xX•][\s*xX•]*(\d{2,4})$/
const WHOLE = /^\+?\d{9,15}$/

/**
 * The visible digits of a C2B MSISDN field, or null when it shows none
 * (missing, a hash, or anything else). A whole number is cut down to what a
 * masked one would show.
 */
export function visiblePhoneDigits(field: unknown): VisibleDigits | null {
  if (typeof field !== "string" && typeof field !== "number") {
    return null
  }
  const text = String(field).trim()
  if (text.length > 32) {
    return null
  }
  const whole = WHOLE.exec(text.replace(/\s+/g, ""))
  if (whole) {
    const digits = whole[0].replace(/^\+/, "")
    return { prefix: digits.slice(0, PREFIX), suffix: digits.slice(-SUFFIX) }
  }
  const masked = MASKED.exec(text)
  if (!masked) {
    return null
  }
  const [, head, tail] = masked
  if (head.length < PREFIX || tail.length < SUFFIX) {
    return null
  }
  return { prefix: head.slice(0, PREFIX), suffix: tail.slice(-SUFFIX) }
}

/** How the ledger and the admin show it: "2547***126" (the STK ledger's own masking). */
export const maskedPhone = (digits: VisibleDigits | null): string | null =>
  digits ? `${digits.prefix}***${digits.suffix}` : null

/** Whether two phones may be the same number, judged by what both show. */
export const sameVisiblePhone = (a: VisibleDigits | null, b: VisibleDigits | null): boolean =>
  a !== null && b !== null && a.prefix === b.prefix && a.suffix === b.suffix
