import { cookies, headers } from "next/headers"
import { getRequestConfig } from "next-intl/server"
import { intlTag, LOCALE_COOKIE, LOCALE_HEADER, pickLocale } from "./locales"
import { FORMATS, TIME_ZONE } from "./formats"

/**
 * The language of this request, for every server component and action
 * (next-intl calls this once per request). The proxy has already turned a
 * `?lang=` into LOCALE_HEADER and the cookie.
 */
export default getRequestConfig(async () => {
  const [h, jar] = await Promise.all([headers(), cookies()])
  const locale = pickLocale({
    param: h.get(LOCALE_HEADER),
    cookie: jar.get(LOCALE_COOKIE)?.value,
    acceptLanguage: h.get("accept-language"),
  })
  return {
    locale: intlTag(locale),
    messages: (await import(`../../messages/${locale}.json`)).default,
    timeZone: TIME_ZONE,
    formats: FORMATS,
  }
})
