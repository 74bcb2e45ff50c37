"use client"

import { useTranslations } from "next-intl"
import { useState } from "react"
import { cancelOrder } from "@/lib/data/order-actions"
import { useFormAction } from "../action-form"
import { SubmitButton } from "../submit-button"

export function CancelOrder({ orderId }: { orderId: string }) {
  const t = useTranslations("cancelOrder")
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
          <p style={{ margin: 0 }}>{t("confirm")}</p>
          <div className="row">
            <SubmitButton pending={pending} pendingLabel={t("cancelling")} block={false}>
              {t("yes")}
            </SubmitButton>
            <button className="btn btn--secondary" type="button" onClick={() => setConfirming(false)}>
              {t("keep")}
            </button>
          </div>
        </form>
      ) : (
        <button className="btn btn--secondary" type="button" onClick={() => setConfirming(true)}>
          {t("cancel")}
        </button>
      )}
    </div>
  )
}
