"use client"

import { useTranslations } from "next-intl"
import { useEffect, useRef } from "react"
import { applyPromotion } from "@/lib/data/cart-actions"
import { useFormAction } from "../action-form"

export function PromoForm() {
  const t = useTranslations("cart")
  const { state, pending, formProps } = useFormAction(applyPromotion)
  const input = useRef<HTMLInputElement>(null)
  useEffect(() => {
    if (state.ok && input.current) {
      input.current.value = ""
    }
  }, [state])
  return (
    <form {...formProps} className="stack" data-testid="promo-form">
      <label htmlFor="promo-code">{t("promoCode")}</label>
      <div className="row" style={{ flexWrap: "nowrap" }}>
        <input
          ref={input}
          id="promo-code"
          name="code"
          type="text"
          autoComplete="off"
          autoCapitalize="characters"
          aria-invalid={state.error ? true : undefined}
          aria-describedby={state.error ? "promo-error" : undefined}
        />
        <button className="btn btn--secondary btn--small" type="submit" disabled={pending}>
          {pending ? t("applying") : t("apply")}
        </button>
      </div>
      <div aria-live="polite">
        {state.error ? (
          <p className="field__error" id="promo-error" role="alert">
            {state.error}
          </p>
        ) : state.ok ? (
          <p className="small" style={{ color: "var(--brand-dark)" }}>
            {state.message}
          </p>
        ) : null}
      </div>
    </form>
  )
}
