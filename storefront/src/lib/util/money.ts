/**
 * Formats a major-unit amount (Medusa 2 stores 1450 KES as 1450) in the way a
 * shopper reads prices: "KES 1,450", "KES 1,450.50", "US$12.00".
 */
export function formatMoney(amount: number | null | undefined, currencyCode: string | null | undefined): string {
  const currency = (currencyCode || "kes").toUpperCase()
  const value = typeof amount === "number" && Number.isFinite(amount) ? amount : 0
  const whole = Number.isInteger(value)
  if (currency === "KES") {
    const digits = new Intl.NumberFormat("en-KE", {
      minimumFractionDigits: whole ? 0 : 2,
      maximumFractionDigits: 2,
    }).format(Math.abs(value))
    return `${value < 0 ? "−" : ""}KES ${digits}`
  }
  return new Intl.NumberFormat("en-US", {
    style: "currency",
    currency,
    currencyDisplay: "symbol",
  })
    .format(value)
    .replace("-", "−")
}
