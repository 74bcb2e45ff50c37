import type { Locale } from "./locales"

/**
 * The words of the page shown when the root layout itself failed
 * (app/global-error.tsx). That page renders without next-intl's provider and
 * is part of every visit's bundle, so it carries its own three sentences
 * rather than both message files; a test keeps them equal to the `error`
 * namespace of messages/en.json and messages/sw.json.
 */
export const GLOBAL_ERROR_WORDS: Record<Locale, { title: string; text: string; retry: string }> = {
  en: {
    title: "We can't load this page right now",
    text: "The shop may be restarting or your connection dropped. Your cart is safe.",
    retry: "Try again",
  },
  sw: {
    title: "Hatuwezi kufungua ukurasa huu sasa hivi",
    text: "Huenda duka linawashwa upya au mtandao wako ulikatika. Kikapu chako kiko salama.",
    retry: "Jaribu tena",
  },
}

/** LOCALE_COOKIE, spelled out: importing locales.ts would bring its Accept-Language parser into this bundle. */
export const GLOBAL_ERROR_COOKIE = "soko_lang"

/** The remembered choice, else the browser's first language we have, else English (no request headers here). */
export function globalErrorLocale(cookie: string, languages: readonly string[]): Locale {
  const remembered = new RegExp(`(?:^|;\\s*)${GLOBAL_ERROR_COOKIE}=(en|sw)(?:;|$)`).exec(cookie)?.[1]
  if (remembered === "en" || remembered === "sw") {
    return remembered
  }
  const spoken = languages.map((l) => l.toLowerCase().split(/[-_]/)[0]).find((l) => l === "en" || l === "sw")
  return spoken === "sw" ? "sw" : "en"
}
