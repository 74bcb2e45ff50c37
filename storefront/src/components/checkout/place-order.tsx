"use client"

import { useActionState } from "react"
import type { ActionState } from "@/lib/data/action-state"
import { placeOrder } from "@/lib/data/checkout-actions"
import { FormError } from "../field"
import { SubmitButton } from "../submit-button"

/** The final button. M-Pesa: sends the prompt and opens the "check your phone" page. */
export function PlaceOrder({ country, label, pendingLabel }: { country: string; label: string; pendingLabel: string }) {
  const [state, action] = useActionState<ActionState, FormData>(placeOrder, {})
  return (
    <form action={action} data-testid="place-order-form">
      <FormError message={state.error} />
      <input type="hidden" name="country" value={country} />
      <SubmitButton pendingLabel={pendingLabel} testId="place-order">
        {label}
      </SubmitButton>
    </form>
  )
}
