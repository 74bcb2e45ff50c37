/**
 * Text that goes into Daraja requests or comes out of callbacks. Daraja
 * rejects symbols such as @ # & in AccountReference/TransactionDesc, and the
 * prompt breaks when they are too long; callback strings are untrusted.
 */

export const ACCOUNT_REFERENCE_MAX_LENGTH = 12
export const TRANSACTION_DESC_MAX_LENGTH = 13
export const REMARKS_MAX_LENGTH = 100

// Letters, digits, spaces and hyphens are accepted everywhere Daraja shows
// text on a phone; everything else is dropped rather than risk a 400.
const UNSAFE_PROMPT_CHARS = /[^A-Za-z0-9 -]+/g

/** Keeps prompt-safe characters, collapses spaces and cuts to `maxLength`. */
export function sanitizePromptText(input: unknown, maxLength: number): string {
  if (typeof input !== "string" && typeof input !== "number") {
    return ""
  }
  return String(input)
    .normalize("NFKD")
    // "Crème" → "Creme" rather than "Cr me"
    .replace(/[\u0300-\u036f]/g, "")
    .replace(UNSAFE_PROMPT_CHARS, " ")
    .replace(/\s+/g, " ")
    .trim()
    .slice(0, maxLength)
    .trim()
}

/** `AccountReference` (≤ 12 characters, shown on the prompt), or the fallback when nothing is left. */
export function sanitizeAccountReference(input: unknown, fallback = "Payment"): string {
  return (
    sanitizePromptText(input, ACCOUNT_REFERENCE_MAX_LENGTH) ||
    sanitizePromptText(fallback, ACCOUNT_REFERENCE_MAX_LENGTH) ||
    "Payment"
  )
}

/** `TransactionDesc` (≤ 13 characters), or the fallback when nothing is left. */
export function sanitizeTransactionDesc(input: unknown, fallback = "Payment"): string {
  return (
    sanitizePromptText(input, TRANSACTION_DESC_MAX_LENGTH) ||
    sanitizePromptText(fallback, TRANSACTION_DESC_MAX_LENGTH) ||
    "Payment"
  )
}

/** Initiator `Remarks`/`Occasion`: 2–100 characters (Daraja's limits). */
export function sanitizeRemarks(input: unknown, fallback = "Refund"): string {
  const text = sanitizePromptText(input, REMARKS_MAX_LENGTH)
  return text.length >= 2 ? text : fallback
}

/**
 * An untrusted string made safe to store and show: control characters
 * removed, cut to `maxLength`. Content such as SQL or HTML is kept as inert
 * text; escaping is the job of whatever renders it.
 */
export function cleanUntrustedText(input: unknown, maxLength: number): string | undefined {
  if (typeof input === "number" && Number.isFinite(input)) {
    return String(input).slice(0, maxLength)
  }
  if (typeof input !== "string") {
    return undefined
  }
  // eslint-disable-next-line no-control-regex
  return input.replace(/[\u0000-\u001f\u007f]+/g, " ").trim().slice(0, maxLength)
}

// Safaricom refuses callback/result URLs containing these words (docs; the
// error reads "URL has the word MPESA"). Matching is by substring, like Daraja.
const FORBIDDEN_URL_WORDS = ["m-pesa", "mpesa", "safaricom", "exec", "exe", "cmd", "sql", "query"] as const

/** The first word Daraja refuses in a callback URL, lower-cased, or undefined. */
export function findForbiddenUrlWord(url: string): string | undefined {
  const lower = url.toLowerCase()
  return FORBIDDEN_URL_WORDS.find((word) => lower.includes(word))
}
