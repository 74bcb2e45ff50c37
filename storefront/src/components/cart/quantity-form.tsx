"use client"

import { useTranslations } from "next-intl"
import { updateLineItem } from "@/lib/data/cart-actions"
import { FormStatus, useFormAction } from "../action-form"
import { AutoSubmit } from "../auto-submit"

/** Quantity of one cart line; applies on change (or with the Update button without JavaScript). */
export function QuantityForm({ lineId, quantity, max, title }: { lineId: string; quantity: number; max: number; title: string }) {
  const t = useTranslations("cart")
  const { state, pending, formProps } = useFormAction(updateLineItem)
  const top = Math.max(max, quantity)
  const id = `qty-${lineId}`
  return (
    <form {...formProps} className="row" style={{ gap: 6 }}>
      <input type="hidden" name="line_id" value={lineId} />
      <label htmlFor={id} className="visually-hidden">
        {t("quantityOf", { title })}
      </label>
      <select id={id} name="quantity" defaultValue={quantity} disabled={pending} data-testid="line-quantity">
        {Array.from({ length: top }, (_, i) => i + 1).map((n) => (
          <option key={n} value={n}>
            {n}
          </option>
        ))}
      </select>
      <button id={`${id}-apply`} className="btn btn--secondary btn--small" type="submit">
        {t("update")}
      </button>
      <AutoSubmit hideButtonId={`${id}-apply`} />
      <FormStatus pending={pending} pendingLabel={t("updating")} error={state.error} />
    </form>
  )
}
