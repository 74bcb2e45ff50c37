import "server-only"
import { getLocale } from "next-intl/server"
import { contentLocale, DEFAULT_LOCALE, type Locale, toLocale } from "./locales"

/** The shop language ("en" | "sw") for async server components and actions. */
export async function getShopLocale(): Promise<Locale> {
  return toLocale(await getLocale()) ?? DEFAULT_LOCALE
}

/** This request's locale for the store API's product content: "sw-KE", or null for English (contentLocale). */
export async function getContentLocale(): Promise<string | null> {
  return contentLocale(await getShopLocale())
}
