import { getTranslations } from "next-intl/server"
import { Suspense } from "react"
import { getShopLocale } from "@/i18n/server"
import { LANGUAGE_NAMES, LOCALES } from "@/i18n/locales"
import { switchLanguage } from "@/lib/data/locale-actions"
import { ActionForm } from "./action-form"
import { AutoSubmit } from "./auto-submit"
import { CurrentPath } from "./current-path"

/** English / Kiswahili in the header; applies on change (with JavaScript) or with its button (without). */
export async function LanguageSwitch({ country }: { country: string }) {
  const [locale, t] = await Promise.all([getShopLocale(), getTranslations("language")])
  return (
    <ActionForm action={switchLanguage} className="language-switch" data-testid="language-switch">
      <label htmlFor="language-picker" className="visually-hidden">
        {t("label")}
      </label>
      <select id="language-picker" name="locale" defaultValue={locale} data-testid="language-picker">
        {LOCALES.map((l) => (
          <option key={l} value={l} lang={l}>
            {LANGUAGE_NAMES[l]}
          </option>
        ))}
      </select>
      <Suspense fallback={<input type="hidden" name="path" value={`/${country}`} />}>
        <CurrentPath />
      </Suspense>
      {/* Only without JavaScript: a button hidden after hydration moved the whole header down the page (CLS 0.17). */}
      <noscript>
        <button className="btn btn--secondary btn--small" type="submit">
          {t("change")}
        </button>
      </noscript>
      <AutoSubmit />
    </ActionForm>
  )
}
