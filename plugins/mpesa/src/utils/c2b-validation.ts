import type { C2bDecision } from "./c2b-match"

/**
 * Daraja's C2B validation result codes: anything but "0" stops the payment
 * before the shopper's money moves (C2B00011–C2B00016).
 */
export const C2B_VALIDATION_CODES = {
  ACCEPT: "0",
  INVALID_MSISDN: "C2B00011",
  INVALID_ACCOUNT: "C2B00012",
  INVALID_AMOUNT: "C2B00013",
  INVALID_KYC: "C2B00014",
  INVALID_SHORTCODE: "C2B00015",
  OTHER: "C2B00016",
} as const

export type C2bValidationAnswer = { ResultCode: string; ResultDesc: string }

export type C2bValidationInput = {
  /** Whether the merchant turned validation on; off, everything is accepted. */
  enabled: boolean
  shortcodeOk: boolean
  /** TransAmount was a whole KES amount. */
  amountOk: boolean
  /** The matcher's decision against the orders awaiting M-Pesa (as if the payment were confirmed). */
  decision: C2bDecision
}

const accept: C2bValidationAnswer = { ResultCode: C2B_VALIDATION_CODES.ACCEPT, ResultDesc: "Accepted" }
const reject = (code: string, desc: string): C2bValidationAnswer => ({ ResultCode: code, ResultDesc: `Rejected: ${desc}` })

/**
 * The answer to a validation request. Only what is certainly wrong is
 * refused: an account naming no order awaiting payment, or an amount that
 * is not what that order awaits. A till payment (no account) that names no
 * order is still accepted: the shopper may be paying for something else in
 * the shop, and a person can attach it.
 */
export function c2bValidationAnswer(input: C2bValidationInput, kind: "paybill" | "till"): C2bValidationAnswer {
  if (!input.enabled) {
    return accept
  }
  if (!input.shortcodeOk) {
    return reject(C2B_VALIDATION_CODES.INVALID_SHORTCODE, "this is not the shop's paybill or till")
  }
  if (!input.amountOk) {
    return reject(C2B_VALIDATION_CODES.INVALID_AMOUNT, "pay a whole number of shillings")
  }
  const d = input.decision
  if (kind === "till") {
    return accept
  }
  switch (d.decision) {
    case "exact":
      return accept
    case "short":
    case "over":
      return reject(C2B_VALIDATION_CODES.INVALID_AMOUNT, `the order awaits KES ${d.outstanding_kes}`)
    case "already_paid":
      return reject(C2B_VALIDATION_CODES.INVALID_ACCOUNT, "that order is already paid")
    case "ambiguous":
      // Several orders carry the reference: the money is real either way and a person can place it.
      return accept
    case "unknown":
      return reject(C2B_VALIDATION_CODES.INVALID_ACCOUNT, "use the order number shown on the order page")
  }
}
