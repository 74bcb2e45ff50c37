import type { Locale } from "./catalog"

/** Medusa returns amounts as numbers, numeric strings or BigNumber-like objects. */
export function toAmount(value: unknown): number | undefined {
  if (typeof value === "number" && Number.isFinite(value)) {
    return value
  }
  if (typeof value === "string" && value.trim() !== "" && Number.isFinite(Number(value))) {
    return Number(value)
  }
  if (value && typeof value === "object") {
    const v = value as { numeric?: unknown; value?: unknown }
    return toAmount(v.numeric ?? v.value)
  }
  return undefined
}

/** "KES 3,350" or "USD 12.50": the currency code reads the same in English and Swahili. */
export function formatMoney(value: unknown, currency: string | undefined): string {
  const amount = toAmount(value)
  if (amount === undefined) {
    return ""
  }
  const code = (currency ?? "").toUpperCase()
  const whole = Math.abs(amount - Math.round(amount)) < 1e-9
  const formatted = amount.toLocaleString("en-US", {
    minimumFractionDigits: whole ? 0 : 2,
    maximumFractionDigits: 2,
  })
  return code ? `${code} ${formatted}` : formatted
}

const MONTHS: Record<Locale, string[]> = {
  en: ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"],
  sw: ["Jan", "Feb", "Machi", "Apr", "Mei", "Juni", "Julai", "Ago", "Sep", "Okt", "Nov", "Des"],
}

/** "21 Nov 2026" in East Africa Time, without depending on the server's ICU data. */
export function formatDate(value: unknown, locale: Locale, timeZoneOffsetHours = 3): string {
  const date = value instanceof Date ? value : typeof value === "string" ? new Date(value) : undefined
  if (!date || Number.isNaN(date.getTime())) {
    return ""
  }
  const local = new Date(date.getTime() + timeZoneOffsetHours * 3_600_000)
  return `${local.getUTCDate()} ${MONTHS[locale][local.getUTCMonth()]} ${local.getUTCFullYear()}`
}
