/**
 * What a Daraja STK ResultCode means for the order, the merchant and the
 * shopper. Codes arrive as numbers in callbacks, strings in STK Query and
 * sometimes as Daraja string codes ("SFC_IC0003").
 */

export type StkOutcome = "paid" | "failed" | "pending" | "cancelled" | "expired"

export interface StkResultInfo {
  /** Canonical code: "0", "1032", "SFC_IC0003", "500.001.1001". */
  code: string
  outcome: StkOutcome
  /** For the merchant and logs. */
  reason: string
  /** Plain words for the shopper, with what to do next. */
  shopperMessage: string
  /** Whether asking the shopper to try again (a new push) can succeed. */
  retryable: boolean
  /** Wait at least this long before a new push, when Daraja needs a pause. */
  retryAfterSeconds?: number
  /** False for codes this table does not know. */
  known: boolean
}

/** STK Query's error envelope while the prompt is still open on the phone. */
export const STK_QUERY_PROCESSING_CODE = "500.001.1001"

type Entry = Omit<StkResultInfo, "code" | "known">

const TRY_OTHER_METHOD = "M-Pesa is not available for this shop right now. Please choose another payment method."

const TABLE: Record<string, Entry> = {
  "0": {
    outcome: "paid",
    reason: "Paid",
    shopperMessage: "Payment received. Thank you!",
    retryable: false,
  },
  "1": {
    outcome: "failed",
    reason: "Insufficient M-Pesa balance",
    shopperMessage: "Your M-Pesa balance is too low for this payment. Top up your M-Pesa, then tap Pay again.",
    retryable: true,
  },
  "2": {
    outcome: "failed",
    reason: "Amount below the M-Pesa minimum",
    shopperMessage: "This amount is below the M-Pesa minimum. Please choose another payment method.",
    retryable: false,
  },
  "3": {
    outcome: "failed",
    reason: "Amount above the M-Pesa transaction limit",
    shopperMessage: "This amount is above your M-Pesa transaction limit. Please choose another payment method.",
    retryable: false,
  },
  "4": {
    outcome: "failed",
    reason: "Customer's daily M-Pesa limit exceeded",
    shopperMessage: "You have reached your daily M-Pesa limit. Try again tomorrow or choose another payment method.",
    retryable: false,
  },
  "8": {
    outcome: "failed",
    reason: "Merchant account would exceed its maximum balance",
    shopperMessage: TRY_OTHER_METHOD,
    retryable: false,
  },
  "17": {
    outcome: "failed",
    reason: "Rule limited: same amount from the same phone within 2 minutes",
    shopperMessage: "You tried to pay this amount a moment ago. Wait 2 minutes, then tap Pay again.",
    retryable: true,
    retryAfterSeconds: 120,
  },
  "1001": {
    outcome: "failed",
    reason: "Another M-Pesa session is open on the phone (unable to lock subscriber)",
    shopperMessage: "Your phone is busy with another M-Pesa request. Finish or close it, wait a minute, then tap Pay again.",
    retryable: true,
    retryAfterSeconds: 60,
  },
  "1019": {
    outcome: "expired",
    reason: "The prompt expired before the customer answered",
    shopperMessage: "The M-Pesa prompt expired. Tap Pay again to get a new prompt.",
    retryable: true,
  },
  "1025": {
    outcome: "failed",
    reason: "Daraja could not send the prompt (1025; the prompt text may be too long)",
    shopperMessage: "We could not send the M-Pesa prompt to your phone. Tap Pay again in a moment.",
    retryable: true,
  },
  "1032": {
    outcome: "cancelled",
    reason: "Cancelled by the customer",
    shopperMessage: "You cancelled the M-Pesa prompt. Tap Pay again to get a new prompt.",
    retryable: true,
  },
  "1037": {
    outcome: "expired",
    reason: "The phone could not be reached (DS timeout)",
    shopperMessage:
      "We could not reach your phone. Check it is on, unlocked and has network, then tap Pay again.",
    retryable: true,
  },
  "1101": {
    outcome: "failed",
    reason: "Prompt text too long (organisation name or account reference): configuration error",
    shopperMessage: TRY_OTHER_METHOD,
    retryable: false,
  },
  "2001": {
    outcome: "failed",
    reason: "Wrong M-Pesa PIN",
    shopperMessage: "The M-Pesa PIN was wrong. Tap Pay again and enter your PIN carefully.",
    retryable: true,
  },
  "2028": {
    outcome: "failed",
    reason:
      "Not permitted by product assignment: check transactionType, shortcode and tillNumber (paybill vs till)",
    shopperMessage: TRY_OTHER_METHOD,
    retryable: false,
  },
  "8006": {
    outcome: "failed",
    reason: "The customer's M-Pesa security credential is locked",
    shopperMessage:
      "Your M-Pesa account is locked. Call Safaricom customer care to unlock it, or choose another payment method.",
    retryable: false,
  },
  "9999": {
    outcome: "failed",
    reason: "Daraja could not send the prompt (9999)",
    shopperMessage: "We could not send the M-Pesa prompt to your phone. Tap Pay again in a moment.",
    retryable: true,
  },
  SFC_IC0003: {
    outcome: "failed",
    reason:
      "Operator does not exist: check transactionType, shortcode and tillNumber (till under the wrong store?)",
    shopperMessage: TRY_OTHER_METHOD,
    retryable: false,
  },
  [STK_QUERY_PROCESSING_CODE]: {
    outcome: "pending",
    reason: "Waiting for the customer to answer the prompt",
    shopperMessage: "Check your phone and enter your M-Pesa PIN to pay.",
    retryable: false,
  },
}

const MAX_CODE_LENGTH = 32

/**
 * The canonical string form of a ResultCode, so 0, "0" and " 0 " compare
 * equal: numbers and numeric strings become plain digits, other strings are
 * trimmed and upper-cased. Undefined when the value cannot be a code.
 */
export function normalizeResultCode(code: unknown): string | undefined {
  if (typeof code === "number") {
    return Number.isSafeInteger(code) && code >= 0 ? String(code) : undefined
  }
  if (typeof code !== "string") {
    return undefined
  }
  const trimmed = code.trim()
  if (trimmed.length === 0 || trimmed.length > MAX_CODE_LENGTH) {
    return undefined
  }
  if (/^\d+$/.test(trimmed)) {
    return String(Number(trimmed))
  }
  return /^[A-Za-z0-9_.-]+$/.test(trimmed) ? trimmed.toUpperCase() : undefined
}

/**
 * Interprets an STK ResultCode. Unknown non-zero codes are `failed` (only 0
 * means Daraja took the money) with `known: false`, so the provider can flag
 * them for review; `resultDesc` then goes into the reason.
 */
export function interpretStkResult(code: unknown, resultDesc?: string): StkResultInfo {
  const canonical = normalizeResultCode(code)
  const entry = canonical === undefined ? undefined : TABLE[canonical]
  if (canonical !== undefined && entry) {
    return { code: canonical, known: true, ...entry }
  }
  const desc = typeof resultDesc === "string" ? resultDesc.slice(0, 200) : ""
  const shown = canonical ?? "invalid"
  return {
    code: shown,
    known: false,
    outcome: "failed",
    reason: `Unknown M-Pesa result code ${shown}${desc ? `: ${desc}` : ""}`,
    shopperMessage: "The M-Pesa payment did not go through. Tap Pay again, or choose another payment method.",
    retryable: true,
  }
}

/**
 * A stable name for the shopper's message about this result, so a storefront
 * can say it in the shopper's language (`code_1032`, `code_SFC_IC0003`);
 * `failed` for a code this table does not know.
 */
export function shopperMessageKey(code: unknown): string {
  const canonical = normalizeResultCode(code)
  return canonical !== undefined && TABLE[canonical] ? `code_${canonical.replace(/[^A-Za-z0-9]/g, "_")}` : "failed"
}
