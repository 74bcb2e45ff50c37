"use client"

import { useActionState } from "react"
import type { ActionState } from "@/lib/data/action-state"
import { applyPromotion } from "@/lib/data/cart-actions"

export function PromoForm() {
  const [state, action, pending] = useActionState<ActionState, FormData>(applyPromotion, {})
  return (
    <form action={action} className="stack" data-testid="promo-form">
      <label htmlFor="promo-code">Promo code</label>
      <div className="row" style={{ flexWrap: "nowrap" }}>
        <input
          id="promo-code"
          name="code"
          type="text"
          autoComplete="off"
          autoCapitalize="characters"
          aria-invalid={state.error ? true : undefined}
          aria-describedby={state.error ? "promo-error" : undefined}
        />
        <button className="btn btn--secondary btn--small" type="submit" disabled={pending}>
          {pending ? "Applying…" : "Apply"}
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
