"use client"

import { useTranslations } from "next-intl"
import { LANGUAGE_NAMES, LOCALES, type Locale } from "@/i18n/locales"
import { updateMessagePreferences } from "@/lib/data/preference-actions"
import { FormError } from "../field"
import { useFormAction } from "../action-form"
import { SubmitButton } from "../submit-button"

/** SMS on/off and the language of order messages, saved to the notifications plugin's preferences. */
export function MessagePreferences({ smsOn, locale }: { smsOn: boolean; locale: Locale | null }) {
  const t = useTranslations("preferences")
  const { state, pending, formProps } = useFormAction(updateMessagePreferences)
  return (
    <form {...formProps} className="stack" data-testid="message-preferences">
      <FormError message={state.error} />
      <label className="check">
        <input type="checkbox" name="sms" defaultChecked={smsOn} data-testid="sms-updates" />
        {t("sms")}
      </label>
      <div className="field">
        <label htmlFor="message-locale">{t("language")}</label>
        <select id="message-locale" name="locale" defaultValue={locale ?? ""} data-testid="message-locale">
          <option value="">{t("followShop")}</option>
          {LOCALES.map((l) => (
            <option key={l} value={l} lang={l}>
              {LANGUAGE_NAMES[l]}
            </option>
          ))}
        </select>
      </div>
      <div className="row">
        <SubmitButton pending={pending} pendingLabel={t("saving")} block={false} secondary>
          {t("save")}
        </SubmitButton>
        <span aria-live="polite" className="small">
          {state.ok ? state.message : null}
        </span>
      </div>
    </form>
  )
}
