import { parsePhoneNumberFromString } from "libphonenumber-js/max"

// Pure field rules shared by every endpoint. Each answers the normalised value
// or undefined, so endpoint validators can report the first failing field the
// way Daraja does ("Bad Request - Invalid <Field>").

export const MIN_AMOUNT = 1
export const MAX_AMOUNT = 250_000

/** Daraja accepts numbers and numeric strings for codes, so both normalise to a string. */
const asText = (value: unknown): string | undefined => {
  if (typeof value === "string") {
    return value
  }
  if (typeof value === "number" && Number.isFinite(value)) {
    return String(value)
  }
  return undefined
}

/** `YYYYMMDDHHmmss` that names a real calendar instant (20240230… is rejected). */
export const timestamp = (value: unknown): string | undefined => {
  const text = asText(value)
  if (text === undefined || !/^\d{14}$/.test(text)) {
    return undefined
  }
  const [y, mo, d, h, mi, s] = [0, 4, 6, 8, 10, 12].map((at, i) =>
    Number(text.slice(at, i === 0 ? 4 : at + 2))
  )
  const date = new Date(Date.UTC(y, mo - 1, d, h, mi, s))
  const roundTrips =
    date.getUTCFullYear() === y &&
    date.getUTCMonth() === mo - 1 &&
    date.getUTCDate() === d &&
    date.getUTCHours() === h &&
    date.getUTCMinutes() === mi &&
    date.getUTCSeconds() === s
  return roundTrips ? text : undefined
}

/** Whole KES between 1 and 250,000; `"10"` is accepted like the API does, `10.5` is not. */
export const amount = (value: unknown): number | undefined => {
  const text = asText(value)
  if (text === undefined || !/^\d+$/.test(text.trim())) {
    return undefined
  }
  const n = Number(text.trim())
  return n >= MIN_AMOUNT && n <= MAX_AMOUNT ? n : undefined
}

/**
 * A Kenyan mobile number in the only form Daraja takes: `2547XXXXXXXX` or
 * `2541XXXXXXXX` (12 digits, no `+`, no leading 0). Which ranges are mobile is
 * libphonenumber-js's `max` metadata (the only one that knows number types):
 * a landline (25420…) is refused like Daraja refuses it.
 */
export const msisdn = (value: unknown): string | undefined => {
  const text = asText(value)
  if (text === undefined || !/^254\d{9}$/.test(text)) {
    return undefined
  }
  const parsed = parsePhoneNumberFromString(`+${text}`)
  return parsed?.country === "KE" && parsed.isValid() && parsed.getType() === "MOBILE" ? text : undefined
}

/** Paybills, tills and store numbers are 5 to 8 digits. */
export const shortcode = (value: unknown): string | undefined => {
  const text = asText(value)
  return text !== undefined && /^\d{5,8}$/.test(text) ? text : undefined
}

export const httpUrl = (value: unknown): string | undefined => {
  if (typeof value !== "string") {
    return undefined
  }
  try {
    const url = new URL(value)
    return url.protocol === "http:" || url.protocol === "https:" ? value : undefined
  } catch {
    return undefined
  }
}

/** A string (or number, which Daraja stringifies) of `min`..`max` characters. */
export const text = (value: unknown, min: number, max: number): string | undefined => {
  const t = asText(value)
  return t !== undefined && t.length >= min && t.length <= max ? t : undefined
}

/** Like `text`, but absence is fine; returns null for "absent", undefined for "invalid". */
export const optionalText = (
  value: unknown,
  max: number
): string | null | undefined => {
  if (value === undefined || value === null) {
    return null
  }
  return text(value, 0, max)
}

export const oneOf = <T extends string>(
  value: unknown,
  allowed: readonly T[]
): T | undefined => {
  const t = asText(value)?.trim()
  return allowed.find((a) => a === t)
}

/**
 * A Kenyan mobile in any common form (`0712…`, `+254712…`, `254712…`, `712…`),
 * normalised to `2547…`; for fields a person types, such as Pull's NominatedNumber.
 */
export const kenyanMobile = (value: unknown): string | undefined => {
  const digits = asText(value)?.replace(/[\s-]/g, "").replace(/^\+/, "")
  if (digits === undefined) {
    return undefined
  }
  const national = /^0[17]\d{8}$/.test(digits) ? digits.slice(1) : /^[17]\d{8}$/.test(digits) ? digits : undefined
  return msisdn(national === undefined ? digits : `254${national}`)
}

/** A whole number from `min` to `max`, given as a number or a numeric string. */
export const integer = (value: unknown, min: number, max: number): number | undefined => {
  const text = asText(value)?.trim()
  if (text === undefined || !/^\d+$/.test(text)) {
    return undefined
  }
  const n = Number(text)
  return n >= min && n <= max ? n : undefined
}
