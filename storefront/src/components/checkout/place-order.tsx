"use client"

import { placeOrder } from "@/lib/data/checkout-actions"
import { FormError } from "../field"
import { useFormAction } from "../action-form"
import { SubmitButton } from "../submit-button"

/** The final button. M-Pesa: sends the prompt and opens the "check your phone" page. */
export function PlaceOrder({ country, label, pendingLabel }: { country: string; label: string; pendingLabel: string }) {
  const { state, pending, formProps } = useFormAction(placeOrder)
  return (
    <form {...formProps} data-testid="place-order-form">
      <FormError message={state.error} />
      <input type="hidden" name="country" value={country} />
      <SubmitButton pending={pending} pendingLabel={pendingLabel} testId="place-order">
        {label}
      </SubmitButton>
    </form>
  )
}
