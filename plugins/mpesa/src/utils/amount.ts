import { MedusaError } from "@medusajs/framework/utils"
import { parseDecimal } from "./decimal"

/** Daraja refuses anything below KES 1 ("Invalid Amount"). */
export const MPESA_MIN_AMOUNT_KES = 1
/** Per-transaction ceiling (Daraja FAQ); daily and wallet limits are higher. */
export const MPESA_MAX_AMOUNT_KES = 250_000

/** What Medusa hands a payment provider as `amount` (a BigNumberInput), plus numbers and strings. */
export type AmountInput = number | string | { value: string | number } | object

const invalid = (message: string) => new MedusaError(MedusaError.Types.INVALID_DATA, message)

const formatKes = (amount: bigint): string =>
  amount.toString().replace(/\B(?=(\d{3})+(?!\d))/g, ",")

/**
 * Converts a Medusa amount (major units: 1450 KES is `1450`) to the whole
 * shillings Daraja accepts.
 *
 * Rounding: a fractional amount is rounded **up** to the next whole shilling
 * (1450.01 → 1451), so the merchant is never paid less than the order total.
 * The shopper pays at most KES 0.99 more; store the returned value as the
 * amount actually charged and compare callbacks against it, not the cart total.
 *
 * Throws `MedusaError` (INVALID_DATA) for non-KES currencies, amounts that are
 * not numbers, zero or negative amounts, and amounts above KES 250,000.
 * Decimal strings are parsed exactly; floats are never compared.
 */
export function toMpesaAmount(amount: AmountInput, currencyCode: string): number {
  const currency = typeof currencyCode === "string" ? currencyCode.trim().toUpperCase() : ""
  if (currency !== "KES") {
    throw invalid(
      `M-Pesa only accepts KES; this payment is in ${currency || "an unknown currency"}. ` +
        "Use a KES region for M-Pesa checkout."
    )
  }
  const parsed = parseDecimal(amount)
  if (!parsed) {
    throw invalid("M-Pesa needs a numeric amount in KES")
  }
  if (parsed.negative) {
    throw invalid("M-Pesa cannot charge a negative amount")
  }
  const kes = parsed.whole + (parsed.hasFraction ? BigInt(1) : BigInt(0))
  if (kes < BigInt(MPESA_MIN_AMOUNT_KES)) {
    throw invalid(`M-Pesa needs an amount of at least KES ${MPESA_MIN_AMOUNT_KES}`)
  }
  if (kes > BigInt(MPESA_MAX_AMOUNT_KES)) {
    throw invalid(
      `M-Pesa accepts at most KES ${formatKes(BigInt(MPESA_MAX_AMOUNT_KES))} per payment; ` +
        `this payment is KES ${formatKes(kes)}`
    )
  }
  return Number(kes)
}

/**
 * True when a callback's Amount (Daraja sends `1.00`, `1`, or `"1"`) equals
 * the whole-KES amount we asked for. Anything unparseable, fractional or
 * different is a mismatch: an unsigned callback must not mark a payment paid.
 */
export function amountsMatch(expectedKes: number, callbackAmount: unknown): boolean {
  if (!Number.isSafeInteger(expectedKes) || expectedKes < MPESA_MIN_AMOUNT_KES) {
    return false
  }
  if (typeof callbackAmount !== "number" && typeof callbackAmount !== "string") {
    return false
  }
  const parsed = parseDecimal(callbackAmount)
  if (!parsed || parsed.negative || parsed.hasFraction) {
    return false
  }
  return parsed.whole === BigInt(expectedKes)
}
