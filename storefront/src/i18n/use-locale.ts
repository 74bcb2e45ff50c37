import { useLocale } from "next-intl"
import { DEFAULT_LOCALE, type Locale, toLocale } from "./locales"

/** The shop language ("en" | "sw") of this render; next-intl's own locale is the Intl tag ("sw-KE"). */
export function useShopLocale(): Locale {
  return toLocale(useLocale()) ?? DEFAULT_LOCALE
}
