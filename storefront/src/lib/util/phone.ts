/**
 * Kenyan mobile numbers in the forms shoppers type them: 0712 345 678,
 * +254 712 345 678, 254712345678, 712345678 (also 01xx numbers). The backend
 * validates authoritatively; this gives instant feedback and a tidy display.
 */
export function normalizeKenyanPhone(input: string | null | undefined): string | null {
  if (!input) {
    return null
  }
  const digits = input.replace(/[\s\-().]/g, "").replace(/^\+/, "")
  if (!/^\d+$/.test(digits)) {
    return null
  }
  let national: string
  if (digits.startsWith("254") && digits.length === 12) {
    national = digits.slice(3)
  } else if (digits.startsWith("0") && digits.length === 10) {
    national = digits.slice(1)
  } else if (digits.length === 9) {
    national = digits
  } else {
    return null
  }
  return /^[17]\d{8}$/.test(national) ? `254${national}` : null
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
