/**
 * Exact decimal parsing for money. Amounts reach us as numbers, decimal
 * strings, Medusa BigNumbers or their raw `{ value }` form; comparing them as
 * floats would let 250000.0000001 slip under the limit or call 1450.01 whole.
 */

export interface ParsedDecimal {
  negative: boolean
  /** The digits before the decimal point, without leading zeros ("0" for none). */
  whole: bigint
  /** True when any digit after the decimal point is not zero. */
  hasFraction: boolean
}

// Long enough for any real amount with Medusa's 20-digit precision, short
// enough that a hostile callback cannot make us build huge strings.
const MAX_DECIMAL_LENGTH = 64
const DECIMAL = /^([+-])?(\d*)(?:\.(\d*))?(?:e([+-]?\d{1,3}))?$/i

/** A decimal string for the value, or undefined when it is not a plain number-like value. */
export function decimalString(value: unknown): string | undefined {
  if (typeof value === "number") {
    return Number.isFinite(value) ? String(value) : undefined
  }
  if (typeof value === "string") {
    return value.trim()
  }
  if (typeof value === "bigint") {
    return value.toString()
  }
  if (value && typeof value === "object") {
    const obj = value as Record<string, unknown>
    // Medusa BigNumber: `raw.value` keeps the exact digits; `numeric` is a float.
    const raw = obj.raw as Record<string, unknown> | undefined
    if (raw && typeof raw === "object" && (typeof raw.value === "string" || typeof raw.value === "number")) {
      return decimalString(raw.value)
    }
    // BigNumberRawValue as stored in the database: `{ value: "1450.01", precision: 20 }`.
    if (typeof obj.value === "string" || typeof obj.value === "number") {
      return decimalString(obj.value)
    }
    // bignumber.js instances, bare or inside a Medusa BigNumber.
    const big = (obj.bigNumber ?? obj) as { toFixed?: unknown }
    if (typeof big.toFixed === "function") {
      const fixed = (big.toFixed as () => unknown).call(big)
      return typeof fixed === "string" ? fixed : undefined
    }
    if (typeof obj.numeric === "number") {
      return decimalString(obj.numeric)
    }
  }
  return undefined
}

/** Parses a decimal exactly, or returns undefined for anything that is not one. */
export function parseDecimal(value: unknown): ParsedDecimal | undefined {
  const text = decimalString(value)
  if (text === undefined || text.length === 0 || text.length > MAX_DECIMAL_LENGTH) {
    return undefined
  }
  const match = DECIMAL.exec(text)
  if (!match) {
    return undefined
  }
  const [, sign, intDigits = "", fracDigits = "", exponent = "0"] = match
  if (intDigits.length === 0 && fracDigits.length === 0) {
    return undefined
  }
  const digits = intDigits + fracDigits
  const point = intDigits.length + Number(exponent)
  let wholeDigits: string
  let fraction: string
  if (point <= 0) {
    wholeDigits = ""
    fraction = digits
  } else if (point >= digits.length) {
    wholeDigits = digits + "0".repeat(point - digits.length)
    fraction = ""
  } else {
    wholeDigits = digits.slice(0, point)
    fraction = digits.slice(point)
  }
  const whole = BigInt(wholeDigits.length > 0 ? wholeDigits : "0")
  const hasFraction = /[1-9]/.test(fraction)
  const isZero = whole === BigInt(0) && !hasFraction
  return { negative: sign === "-" && !isZero, whole, hasFraction }
}
