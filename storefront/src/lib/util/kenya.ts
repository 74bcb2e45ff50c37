/** Kenya's 47 counties, the "province" of a Kenyan address. */
export const KENYAN_COUNTIES = [
  "Baringo", "Bomet", "Bungoma", "Busia", "Elgeyo-Marakwet", "Embu", "Garissa", "Homa Bay", "Isiolo",
  "Kajiado", "Kakamega", "Kericho", "Kiambu", "Kilifi", "Kirinyaga", "Kisii", "Kisumu", "Kitui",
  "Kwale", "Laikipia", "Lamu", "Machakos", "Makueni", "Mandera", "Marsabit", "Meru", "Migori",
  "Mombasa", "Murang'a", "Nairobi", "Nakuru", "Nandi", "Narok", "Nyamira", "Nyandarua", "Nyeri",
  "Samburu", "Siaya", "Taita-Taveta", "Tana River", "Tharaka-Nithi", "Trans Nzoia", "Turkana",
  "Uasin Gishu", "Vihiga", "Wajir", "West Pokot",
] as const

/** "Nairobi County" (as the seed and many shoppers write it) → "Nairobi". */
export function countyName(province: string | null | undefined): string {
  if (!province) {
    return ""
  }
  const bare = province.replace(/\s+county$/i, "").trim()
  const match = KENYAN_COUNTIES.find((c) => c.toLowerCase() === bare.toLowerCase())
  return match ?? bare
}

const COUNTRY_NAMES: Record<string, string> = {
  ke: "Kenya", us: "United States", gb: "United Kingdom", de: "Germany", fr: "France", nl: "Netherlands",
  ug: "Uganda", tz: "Tanzania", rw: "Rwanda", za: "South Africa", ng: "Nigeria", ae: "United Arab Emirates",
  in: "India", ca: "Canada", au: "Australia",
}

/**
 * A country's name in the page's language (`locale` is an Intl tag such as
 * "sw-KE": "Marekani" for us). English keeps the shop's own names.
 */
export function countryName(code: string, fallback?: string | null, locale = "en-KE"): string {
  const english = COUNTRY_NAMES[code.toLowerCase()]
  if (english && !locale.toLowerCase().startsWith("en")) {
    return new Intl.DisplayNames([locale], { type: "region", fallback: "none" }).of(code.toUpperCase()) ?? english
  }
  return english ?? fallback ?? code.toUpperCase()
}
