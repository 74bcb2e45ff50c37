import { createFormatter } from "next-intl"
import { TIME_ZONE } from "@/i18n/formats"

/** next-intl's formatter: `useFormatter()` in components, `await getFormatter()` in async server code. */
export type Formatter = ReturnType<typeof createFormatter>

let english: Formatter | undefined
/** For callers outside a render (tests, plain strings): Kenyan English. */
function defaultFormatter(): Formatter {
  english ??= createFormatter({ locale: "en-KE", timeZone: TIME_ZONE })
  return english
}

/**
 * Formats a major-unit amount (Medusa 2 stores 1450 KES as 1450) in the way a
 * shopper reads prices, in the page's language: "KES 1,450", "KES 1,450.50",
 * "$12.00" (Swahili: "$ 12.00"). Kenyan shops write "KES" before the
 * amount in both languages, so shillings keep the code and only the digits are
 * localized; other currencies use Intl's narrow symbol for the locale (the region
says which dollar it is).
 */
export function formatMoney(
  amount: number | null | undefined,
  currencyCode: string | null | undefined,
  format: Formatter = defaultFormatter()
): string {
  const currency = (currencyCode || "kes").toUpperCase()
  const value = typeof amount === "number" && Number.isFinite(amount) ? amount : 0
  const whole = Number.isInteger(value)
  if (currency === "KES") {
    const digits = format.number(Math.abs(value), {
      minimumFractionDigits: whole ? 0 : 2,
      maximumFractionDigits: 2,
    })
    return `${value < 0 ? "−" : ""}KES ${digits}`
  }
  return format.number(value, { style: "currency", currency, currencyDisplay: "narrowSymbol" }).replace("-", "−")
}
