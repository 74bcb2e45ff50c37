"use client"

import { useSyncExternalStore } from "react"
import { GLOBAL_ERROR_WORDS, globalErrorLocale } from "@/i18n/global-error-words"
import type { Locale } from "@/i18n/locales"

const never = () => () => {}

/**
 * Shown when the root layout itself failed. English on the first render, as
 * the server would render it (React hydrates with the server snapshot), then
 * the shopper's language from the cookie or the browser, so hydration never
 * disagrees.
 */
export default function GlobalError({ reset }: { error: Error; reset: () => void }) {
  const locale = useSyncExternalStore<Locale>(
    never,
    () => globalErrorLocale(document.cookie, navigator.languages ?? [navigator.language]),
    () => "en"
  )
  const words = GLOBAL_ERROR_WORDS[locale]
  return (
    <html lang={`${locale}-KE`}>
      <body style={{ fontFamily: "system-ui, sans-serif", padding: 24 }}>
        <h1>{words.title}</h1>
        <p>{words.text}</p>
        <button type="button" onClick={reset} style={{ minHeight: 48, padding: "0 20px" }}>
          {words.retry}
        </button>
      </body>
    </html>
  )
}
