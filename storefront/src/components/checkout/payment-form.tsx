"use client"

import { useTranslations } from "next-intl"
import { useState } from "react"
import { savePayment } from "@/lib/data/checkout-actions"
import type { PaymentMethod } from "@/lib/payments"
import { FormError, TextField } from "../field"
import { useFormAction } from "../action-form"
import { SubmitButton } from "../submit-button"

export function PaymentForm({
  country,
  methods,
  selected,
  phone,
}: {
  country: string
  methods: PaymentMethod[]
  selected?: string
  /** Pre-filled M-Pesa number (the last one used, else the delivery phone), as displayKenyanPhone shows it. */
  phone?: string
}) {
  const t = useTranslations("checkout")
  const { state, pending, formProps } = useFormAction(savePayment)
  const [choice, setChoice] = useState(selected && methods.some((m) => m.providerId === selected) ? selected : methods[0]?.providerId)
  const f = state.fields ?? {}
  if (!methods.length) {
    return (
      <p className="notice notice--warn" role="alert">
        {t("noPayments")}
      </p>
    )
  }
  return (
    <form {...formProps} data-testid="payment-form" noValidate>
      <FormError message={state.error} />
      <input type="hidden" name="country" value={country} />
      <fieldset className="fieldset">
        <legend>{t("howToPay")}</legend>
        <div className="option-list">
          {methods.map((m) => (
            <div className="option-card" key={m.providerId} data-testid={`pay-${m.kind}`}>
              <input
                id={`pay-${m.kind}`}
                type="radio"
                name="provider_id"
                value={m.providerId}
                checked={choice === m.providerId}
                onChange={() => setChoice(m.providerId)}
                aria-describedby={`pay-${m.kind}-desc`}
              />
              <div className="option-card__body">
                <label htmlFor={`pay-${m.kind}`} className="option-card__title">
                  {t("methodName", { kind: m.kind })}
                </label>
                <p className="small muted" id={`pay-${m.kind}-desc`} style={{ margin: 0 }}>
                  {t("methodDescription", { kind: m.kind })}
                </p>
                {m.kind === "mpesa" ? (
                  <div style={{ marginTop: 12 }} hidden={choice !== m.providerId}>
                    <TextField
                      name="mpesa_phone"
                      label={t("mpesaNumber")}
                      type="tel"
                      inputMode="tel"
                      autoComplete="tel"
                      required
                      defaultValue={phone ?? ""}
                      error={f.mpesa_phone}
                      hint={t("mpesaNumberHint")}
                    />
                  </div>
                ) : null}
              </div>
            </div>
          ))}
        </div>
      </fieldset>
      <SubmitButton pending={pending} pendingLabel={t("saving")} testId="payment-continue">
        {t("toReview")}
      </SubmitButton>
    </form>
  )
}
