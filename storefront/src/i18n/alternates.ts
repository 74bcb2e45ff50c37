import { intlTag, LOCALE_PARAM, LOCALES, localizedHref } from "./locales"

/**
 * hreflang alternates for a page: one address per language (`?lang=`), and
 * the plain address as x-default, which picks the language from the cookie or
 * the browser. Paths are relative; Next resolves them against metadataBase.
 */
export function languageAlternates(pathWithQuery: string): Record<string, string> {
  const url = new URL(pathWithQuery, "http://soko.invalid")
  url.searchParams.delete(LOCALE_PARAM)
  const plain = `${url.pathname}${url.search}`
  const languages: Record<string, string> = { "x-default": plain }
  for (const locale of LOCALES) {
    languages[intlTag(locale)] = localizedHref(plain, locale)
  }
  return languages
}

