import "server-only"
import { getLocale } from "next-intl/server"
import { DEFAULT_LOCALE, type Locale, toLocale } from "./locales"

/** The shop language ("en" | "sw") for async server components and actions. */
export async function getShopLocale(): Promise<Locale> {
  return toLocale(await getLocale()) ?? DEFAULT_LOCALE
}
