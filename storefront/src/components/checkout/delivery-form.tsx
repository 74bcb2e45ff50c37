"use client"

import { useFormatter, useTranslations } from "next-intl"
import { saveDelivery } from "@/lib/data/checkout-actions"
import { formatMoney } from "@/lib/util/money"
import { FormError } from "../field"
import { useFormAction } from "../action-form"
import { SubmitButton } from "../submit-button"

export type DeliveryOption = { id: string; name: string; amount: number | null; description?: string; unavailable?: boolean }

export function DeliveryForm({
  country,
  options,
  currency,
  selected,
}: {
  country: string
  options: DeliveryOption[]
  currency: string
  selected?: string
}) {
  const t = useTranslations("checkout")
  const format = useFormatter()
  const { state, pending, formProps } = useFormAction(saveDelivery)
  const firstAvailable = options.find((o) => !o.unavailable)?.id
  return (
    <form {...formProps} data-testid="delivery-form">
      <FormError message={state.error} />
      <input type="hidden" name="country" value={country} />
      <fieldset className="fieldset">
        <legend>{t("howToDeliver")}</legend>
        <div className="option-list">
          {options.map((o) => (
            <label className="option-card" key={o.id}>
              <input
                type="radio"
                name="shipping_option_id"
                value={o.id}
                defaultChecked={(selected ?? firstAvailable) === o.id}
                disabled={o.unavailable}
                required
              />
              <span className="option-card__body">
                <span className="option-card__title">
                  <span>{o.name}</span>
                  <span className="price">{o.amount === null ? "—" : o.amount === 0 ? t("free") : formatMoney(o.amount, currency, format)}</span>
                </span>
                {o.description ? <span className="small muted">{o.description}</span> : null}
                {o.unavailable ? <span className="small muted"> {t("optionUnavailable")}</span> : null}
              </span>
            </label>
          ))}
        </div>
      </fieldset>
      <SubmitButton pending={pending} pendingLabel={t("saving")} testId="delivery-continue">
        {t("toPayment")}
      </SubmitButton>
    </form>
  )
}
