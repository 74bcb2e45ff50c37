import { BigNumber, MathBN, MedusaError } from "@medusajs/framework/utils"

/** Daraja refuses anything below KES 1 ("Invalid Amount"). */
export const MPESA_MIN_AMOUNT_KES = 1
/** Per-transaction ceiling (Daraja FAQ); daily and wallet limits are higher. */
export const MPESA_MAX_AMOUNT_KES = 250_000

/** What Medusa hands a payment provider as `amount` (a BigNumberInput), plus numbers and strings. */
export type AmountInput = number | string | { value: string | number } | object

const invalid = (message: string) => new MedusaError(MedusaError.Types.INVALID_DATA, message)

const formatKes = (amount: number | string): string =>
  String(amount).replace(/\B(?=(\d{3})+(?!\d))/g, ",")

type Decimal = ReturnType<typeof MathBN.convert>

// A plain decimal as people and Daraja write it ("1450", "1450.01", ".5", "1.45e3"). bignumber.js would
// also read "0x10", "Infinity" and " 1 "; a bounded length keeps a hostile callback from making us parse megabytes.
const DECIMAL = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d{1,3})?$/i
const MAX_DECIMAL_LENGTH = 64
// bignumber.js's BigNumber.ROUND_CEIL (its rounding modes are numbered 0 to 8); MathBN has no ceiling of its own.
const ROUND_CEIL = 2

/**
 * The exact value of an amount, parsed by Medusa's MathBN (bignumber.js): a
 * number, a decimal string, a Medusa BigNumber or its stored `{ value }` form.
 * Undefined for anything else, so floats are never compared.
 */
export function exactAmount(value: unknown): Decimal | undefined {
  let decimal: Decimal
  if (typeof value === "string") {
    const text = value.trim()
    if (text.length > MAX_DECIMAL_LENGTH || !DECIMAL.test(text)) {
      return undefined
    }
    decimal = MathBN.convert(text)
  } else if (typeof value === "number" || value instanceof BigNumber) {
    decimal = MathBN.convert(value)
  } else if (value && typeof value === "object" && "value" in value) {
    // BigNumberRawValue as stored in the database: `{ value: "1450.01", precision: 20 }`.
    return exactAmount((value as { value: unknown }).value)
  } else if (value && typeof value === "object" && !Array.isArray(value)) {
    // bignumber.js instances; anything else becomes NaN and is refused below.
    decimal = MathBN.convert(value as BigNumber)
  } else {
    return undefined
  }
  return decimal.isFinite() ? decimal : undefined
}

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
  const exact = exactAmount(amount)
  if (!exact) {
    throw invalid("M-Pesa needs a numeric amount in KES")
  }
  if (MathBN.lt(exact, 0)) {
    throw invalid("M-Pesa cannot charge a negative amount")
  }
  // Rounded up (ceil), never to nearest: see above.
  const kes = exact.integerValue(ROUND_CEIL)
  if (MathBN.lt(kes, MPESA_MIN_AMOUNT_KES)) {
    throw invalid(`M-Pesa needs an amount of at least KES ${MPESA_MIN_AMOUNT_KES}`)
  }
  if (MathBN.gt(kes, MPESA_MAX_AMOUNT_KES)) {
    throw invalid(
      `M-Pesa accepts at most KES ${formatKes(MPESA_MAX_AMOUNT_KES)} per payment; ` +
        `this payment is KES ${formatKes(kes.toFixed())}`
    )
  }
  return kes.toNumber()
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
  const exact = exactAmount(callbackAmount)
  return exact !== undefined && MathBN.eq(exact, expectedKes)
}
