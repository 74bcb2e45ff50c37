import { render, type RenderOptions } from "@testing-library/react"
import { NextIntlClientProvider } from "next-intl"
import type { ReactElement } from "react"
import { ShellWordsProvider } from "@/components/shell-words"
import { FORMATS, TIME_ZONE } from "@/i18n/formats"
import { intlTag, type Locale } from "@/i18n/locales"
import en from "../messages/en.json"
import sw from "../messages/sw.json"

const MESSAGES = { en, sw }

/**
 * Renders a client component the way the shop does: inside next-intl's provider (ClientIntl)
 * and the root layout's ShellWordsProvider, English unless told.
 */
export function renderIntl(ui: ReactElement, { locale = "en", ...options }: RenderOptions & { locale?: Locale } = {}) {
  const messages = MESSAGES[locale]
  const words = { actionFailed: messages.layout.actionFailed, error: messages.error }
  return render(
    <NextIntlClientProvider locale={intlTag(locale)} messages={messages} timeZone={TIME_ZONE} formats={FORMATS}>
      <ShellWordsProvider words={words}>{ui}</ShellWordsProvider>
    </NextIntlClientProvider>,
    options
  )
}
