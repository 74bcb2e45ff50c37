"use client"

import { useState } from "react"
import { cancelOrder } from "@/lib/data/order-actions"
import { useFormAction } from "../action-form"
import { SubmitButton } from "../submit-button"

export function CancelOrder({ orderId }: { orderId: string }) {
  const { state, pending, formProps } = useFormAction(cancelOrder)
  const [confirming, setConfirming] = useState(false)
  const [key] = useState(() => `cancel-${orderId}-${Date.now()}`)
  if (state.ok) {
    return <p className="notice notice--success" role="status">{state.message}</p>
  }
  return (
    <div className="panel stack">
      {state.error ? (
        <p className="notice notice--error" role="alert">
          {state.error}
        </p>
      ) : null}
      {confirming ? (
        <form {...formProps} className="stack">
          <input type="hidden" name="order_id" value={orderId} />
          <input type="hidden" name="key" value={key} />
          <p style={{ margin: 0 }}>Cancel this order? This can&apos;t be undone.</p>
          <div className="row">
            <SubmitButton pending={pending} pendingLabel="Cancelling…" block={false}>
              Yes, cancel the order
            </SubmitButton>
            <button className="btn btn--secondary" type="button" onClick={() => setConfirming(false)}>
              Keep it
            </button>
          </div>
        </form>
      ) : (
        <button className="btn btn--secondary" type="button" onClick={() => setConfirming(true)}>
          Cancel order
        </button>
      )}
    </div>
  )
}
