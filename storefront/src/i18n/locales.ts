import Negotiator from "negotiator"

/**
 * The shop's languages. "en" and "sw" are also what the notifications plugin
 * stores as a customer's message language, so one value travels from the
 * switch to the cookie, the profile and the order messages.
 */
export const LOCALES = ["en", "sw"] as const
export type Locale = (typeof LOCALES)[number]
export const DEFAULT_LOCALE: Locale = "en"

/** Remembers a guest's choice (members' choice is also saved to their profile). */
export const LOCALE_COOKIE = "soko_lang"

/**
 * URL scheme: `?lang=sw` on any page. Shop paths already start with the
 * country (/ke/store), which the proxy treats as "two letters = a
 * country"; a locale segment (/ke/sw/store or /sw/ke/store) would move every
 * route folder and every link, and /sw would be read as a country. A query
 * parameter keeps every existing URL valid (English stays at the plain URL),
 * gives each language its own crawlable address for `hreflang`, and the
 * proxy turns it into the cookie so the choice survives navigation.
 */
export const LOCALE_PARAM = "lang"

/** Header the proxy sets when the URL names a language, read by i18n/request.ts. */
export const LOCALE_HEADER = "x-soko-locale"

/** Header the proxy sets with the page's path and query, for hreflang alternates. */
export const PAGE_URL_HEADER = "x-soko-url"

/** The language names in the switch, each in its own language. */
export const LANGUAGE_NAMES: Record<Locale, string> = { en: "English", sw: "Kiswahili" }

export function isLocale(value: unknown): value is Locale {
  return typeof value === "string" && (LOCALES as readonly string[]).includes(value)
}

/** "sw", "SW", "sw-KE", "sw_TZ" → "sw"; anything else → undefined. */
export function toLocale(value: string | null | undefined): Locale | undefined {
  const base = value?.trim().toLowerCase().split(/[-_]/)[0]
  return isLocale(base) ? base : undefined
}

/**
 * The tag Intl formats with: Kenyan conventions in both languages
 * ("6 Dec 2026" / "6 Des 2026", not the US "Dec 6, 2026").
 */
export function intlTag(locale: Locale): string {
  return `${locale}-KE`
}

// A record, so a new shop language cannot compile without its backend locale (null: the content's own language).
const CONTENT_LOCALES: Record<Locale, string | null> = { en: null, sw: "sw-KE" }

/**
 * The locale the store API answers product content in (`?locale=` on product,
 * category and collection reads, and a cart's `locale`): the codes the
 * backend's Translation Module stores (`GET /store/locales`). Kept apart from
 * intlTag, which only sets Intl's number and date conventions, because this
 * one is a contract with the backend's seeded translations.
 *
 * English is the products' own language, so it gets no locale (null). With
 * one, Medusa looks up translations on every read and rewrites every cart
 * item's title on every cart change, for text that is already English: a
 * checkout cost 25 % more server time than without (bench/per-call.ts).
 */
export function contentLocale(locale: Locale): string | null {
  return CONTENT_LOCALES[locale]
}

export type LocaleSources = {
  /** ?lang= on this request (or the proxy's header carrying it). */
  param?: string | null
  /** The remembered choice. */
  cookie?: string | null
  /** The browser's Accept-Language header, for a first visit. */
  acceptLanguage?: string | null
}

/** An explicit choice wins, then the remembered one, then the browser's languages, then English. */
export function pickLocale({ param, cookie, acceptLanguage }: LocaleSources): Locale {
  const chosen = toLocale(param) ?? toLocale(cookie)
  if (chosen) {
    return chosen
  }
  if (acceptLanguage) {
    const [best] = new Negotiator({ headers: { "accept-language": acceptLanguage } }).languages([...LOCALES])
    if (isLocale(best)) {
      return best
    }
  }
  return DEFAULT_LOCALE
}

/** The same page in another language: `?lang=` set, everything else kept. */
export function localizedHref(pathWithQuery: string, locale: Locale): string {
  const url = new URL(pathWithQuery, "http://soko.invalid")
  url.searchParams.set(LOCALE_PARAM, locale)
  return `${url.pathname}${url.search}`
}
