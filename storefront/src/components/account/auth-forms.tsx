"use client"

import Link from "next/link"
import { useTranslations } from "next-intl"
import { login, register, requestPasswordReset, resetPassword } from "@/lib/data/account-actions"
import { FormError, TextField } from "../field"
import { useFormAction } from "../action-form"
import { SubmitButton } from "../submit-button"

export function LoginForm({ country, next }: { country: string; next?: string }) {
  const t = useTranslations("auth")
  const { state, pending, formProps } = useFormAction(login)
  const f = state.fields ?? {}
  return (
    <form {...formProps} noValidate data-testid="login-form">
      <FormError message={state.error} />
      <input type="hidden" name="country" value={country} />
      {next ? <input type="hidden" name="next" value={next} /> : null}
      <TextField name="email" label={t("email")} type="email" autoComplete="email" inputMode="email" required error={f.email} />
      <TextField name="password" label={t("password")} type="password" autoComplete="current-password" required error={f.password} />
      <SubmitButton pending={pending} pendingLabel={t("signingIn")} testId="login-submit">
        {t("signIn")}
      </SubmitButton>
      <p className="small" style={{ marginTop: 12 }}>
        <Link href={`/${country}/reset-password`}>{t("forgot")}</Link>
      </p>
    </form>
  )
}

export function RegisterForm({ country, next }: { country: string; next?: string }) {
  const t = useTranslations("auth")
  const { state, pending, formProps } = useFormAction(register)
  const f = state.fields ?? {}
  return (
    <form {...formProps} noValidate data-testid="register-form">
      <FormError message={state.error} />
      <input type="hidden" name="country" value={country} />
      {next ? <input type="hidden" name="next" value={next} /> : null}
      <div className="field-grid">
        <TextField name="first_name" label={t("firstName")} autoComplete="given-name" required error={f.first_name} />
        <TextField name="last_name" label={t("lastName")} autoComplete="family-name" required error={f.last_name} />
      </div>
      <TextField name="email" label={t("email")} type="email" autoComplete="email" inputMode="email" required error={f.email} />
      <TextField
        name="phone"
        label={t("phone")}
        type="tel"
        autoComplete="tel"
        inputMode="tel"
        error={f.phone}
        hint={t("phoneHint")}
      />
      <TextField
        name="password"
        label={t("password")}
        type="password"
        autoComplete="new-password"
        required
        minLength={8}
        error={f.password}
        hint={t("passwordHint")}
      />
      <SubmitButton pending={pending} pendingLabel={t("creating")} testId="register-submit">
        {t("create")}
      </SubmitButton>
    </form>
  )
}

export function ResetRequestForm() {
  const t = useTranslations("auth")
  const { state, pending, formProps } = useFormAction(requestPasswordReset)
  if (state.ok) {
    return (
      <p className="notice notice--success" role="status" data-testid="reset-sent">
        {state.message}
      </p>
    )
  }
  return (
    <form {...formProps} noValidate data-testid="reset-request-form">
      <FormError message={state.error} />
      <TextField name="email" label={t("email")} type="email" autoComplete="email" inputMode="email" required error={state.fields?.email} />
      <SubmitButton pending={pending} pendingLabel={t("sending")}>
        {t("emailLink")}
      </SubmitButton>
    </form>
  )
}

export function ResetPasswordForm({ country, token, email }: { country: string; token: string; email: string }) {
  const t = useTranslations("auth")
  const { state, pending, formProps } = useFormAction(resetPassword)
  return (
    <form {...formProps} noValidate data-testid="reset-form">
      <FormError message={state.error} />
      <input type="hidden" name="country" value={country} />
      <input type="hidden" name="token" value={token} />
      <input type="hidden" name="email" value={email} />
      {email ? (
        <p>
          {t.rich("newPasswordFor", { email, strong: (chunks) => <strong>{chunks}</strong> })}
        </p>
      ) : null}
      <TextField
        name="password"
        label={t("newPassword")}
        type="password"
        autoComplete="new-password"
        required
        minLength={8}
        error={state.fields?.password}
        hint={t("passwordHint")}
      />
      <SubmitButton pending={pending} pendingLabel={t("saving")}>
        {t("saveNewPassword")}
      </SubmitButton>
    </form>
  )
}
