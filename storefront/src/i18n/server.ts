import "server-only"
import { getLocale } from "next-intl/server"
import { contentLocale, DEFAULT_LOCALE, type Locale, toLocale } from "./locales"

/** The shop language ("en" | "sw") for async server components and actions. */
export async function getShopLocale(): Promise<Locale> {
  return toLocale(await getLocale()) ?? DEFAULT_LOCALE
}

/** This request's locale for the store API's product content ("en-KE" | "sw-KE"). */
export async function getContentLocale(): Promise<string> {
  return contentLocale(await getShopLocale())
}
