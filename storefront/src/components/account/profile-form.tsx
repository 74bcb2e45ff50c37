"use client"

import { useTranslations } from "next-intl"
import { updateProfile } from "@/lib/data/account-actions"
import { FormError, TextField } from "../field"
import { useFormAction } from "../action-form"
import { SubmitButton } from "../submit-button"

export function ProfileForm({ firstName, lastName, phone, email }: { firstName: string; lastName: string; phone: string; email: string }) {
  const t = useTranslations("profile")
  const { state, pending, formProps } = useFormAction(updateProfile)
  const f = state.fields ?? {}
  return (
    <form {...formProps} noValidate data-testid="profile-form">
      <FormError message={state.error} />
      <div aria-live="polite">{state.ok ? <p className="notice notice--success">{state.message}</p> : null}</div>
      <div className="field-grid">
        <TextField name="first_name" label={t("firstName")} autoComplete="given-name" required defaultValue={firstName} error={f.first_name} />
        <TextField name="last_name" label={t("lastName")} autoComplete="family-name" required defaultValue={lastName} error={f.last_name} />
        <TextField
          wide
          name="phone"
          label={t("phone")}
          type="tel"
          inputMode="tel"
          autoComplete="tel"
          defaultValue={phone}
          error={f.phone}
        />
      </div>
      <p className="small muted">{t("email", { email })}</p>
      <SubmitButton pending={pending} pendingLabel={t("saving")} block={false}>
        {t("save")}
      </SubmitButton>
    </form>
  )
}
