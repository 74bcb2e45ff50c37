"use client"

import { useRouter } from "next/navigation"
import { useActionState, useCallback, useEffect, useRef, useState } from "react"
import { retryMpesaPayment, type RetryState } from "@/lib/data/mpesa-actions"
import { type MpesaStatus, mpesaHeadline, nextPollDelay, orderPagePath, retryAtLabel, statusPollUrl, TERMINAL } from "@/lib/mpesa"
import { formatMoney } from "@/lib/util/money"
import { SubmitButton } from "../submit-button"

type Props = {
  orderId: string
  /** The order-link token that proves a guest holds this order (kept in every link and request). */
  token?: string
  country: string
  initial: MpesaStatus
  displayId?: number | string
  total: number
  currency: string
}

/**
 * The "check your phone" screen. It follows the payment live (pending → paid,
 * or failed/cancelled/expired with the reason and a retry that sends a new
 * prompt) and moves on to the confirmation when the money is in. The page can
 * be left and reopened at any time: the state lives in the backend.
 */
export function MpesaStatusPanel({ orderId, token, country, initial, displayId, total, currency }: Props) {
  const router = useRouter()
  const [status, setStatus] = useState<MpesaStatus>(initial)
  const [offline, setOffline] = useState(false)
  // Bumped after every answer, so the next check is scheduled even when nothing changed.
  const [checks, setChecks] = useState(0)
  const [retry, retryAction] = useActionState<RetryState, FormData>(retryMpesaPayment, {})
  const started = useRef(Date.now())
  const confirmedUrl = orderPagePath(country, orderId, "confirmed", token)
  // After a 429 the backend said when to ask again (Retry-After); the button waits until then.
  const [now, setNow] = useState(() => Date.now())
  const throttled = retry.retryAt !== undefined && retry.retryAt > now
  useEffect(() => {
    if (retry.retryAt === undefined || retry.retryAt <= Date.now()) {
      return
    }
    const t = window.setTimeout(() => setNow(Date.now()), retry.retryAt - Date.now() + 50)
    return () => window.clearTimeout(t)
  }, [retry.retryAt])

  // A retry answer restarts following from "pending".
  useEffect(() => {
    if (retry.status) {
      setStatus(retry.status)
      started.current = Date.now()
    }
  }, [retry.status, retry.at])

  const poll = useCallback(async () => {
    try {
      const res = await fetch(statusPollUrl(orderId, token), { cache: "no-store" })
      if (!res.ok) {
        throw new Error(String(res.status))
      }
      const next = (await res.json()) as MpesaStatus
      setOffline(false)
      setStatus(next)
    } catch {
      setOffline(true)
    } finally {
      setChecks((n) => n + 1)
    }
  }, [orderId, token])

  useEffect(() => {
    if (TERMINAL.includes(status.status)) {
      return
    }
    const timer = window.setTimeout(() => {
      if (document.visibilityState === "visible") {
        void poll()
      } else {
        // Hidden tab: check again as soon as the shopper comes back.
        const onVisible = () => {
          document.removeEventListener("visibilitychange", onVisible)
          void poll()
        }
        document.addEventListener("visibilitychange", onVisible)
      }
    }, nextPollDelay(Date.now() - started.current))
    return () => window.clearTimeout(timer)
  }, [status.status, checks, poll])

  useEffect(() => {
    if (status.status === "paid") {
      const t = window.setTimeout(() => router.replace(confirmedUrl), 1200)
      return () => window.clearTimeout(t)
    }
  }, [status.status, router, confirmedUrl])

  const failed = status.status === "failed" || status.status === "cancelled" || status.status === "expired"
  const amount = formatMoney(status.amount_kes ?? total, status.amount_kes ? "kes" : currency)

  return (
    <div className="pay-status" data-testid="mpesa-status" data-status={status.status}>
      <div aria-live="polite" aria-atomic="true">
        {status.status === "pending" ? (
          <div className="pay-status__icon" aria-hidden="true">
            <div className="spinner" />
          </div>
        ) : (
          <div className={`pay-status__icon${failed ? " pay-status__icon--failed" : ""}`} aria-hidden="true">
            {failed ? "!" : "✓"}
          </div>
        )}
        <h1 data-testid="mpesa-headline">{mpesaHeadline(status.status)}</h1>
        <p data-testid="mpesa-message">{status.shopper_message}</p>
        {failed && status.reason && status.reason !== status.shopper_message ? (
          <p className="muted" data-testid="mpesa-reason">
            {status.reason}
          </p>
        ) : null}
        {status.status === "paid" && status.receipt ? (
          <p>
            M-Pesa receipt <strong data-testid="mpesa-receipt">{status.receipt}</strong>
          </p>
        ) : null}
      </div>

      {status.status === "pending" ? (
        <ol className="steps-list">
          <li>
            Look for the M-Pesa prompt on {status.phone_masked ? <strong>{status.phone_masked}</strong> : "your phone"}.
          </li>
          <li>
            Check the amount is <strong>{amount}</strong> and enter your M-Pesa PIN.
          </li>
          <li>Keep this page open. It updates by itself.</li>
        </ol>
      ) : null}

      {offline ? (
        <p className="notice notice--warn small" role="status">
          We lost the connection for a moment. Still checking…
        </p>
      ) : null}

      {status.status === "paid" ? (
        <a className="btn" href={confirmedUrl}>
          See your order
        </a>
      ) : null}

      {failed || (status.status === "pending" && status.can_retry) ? (
        <form action={retryAction} className="panel stack" style={{ textAlign: "left", marginTop: 16 }} data-testid="mpesa-retry">
          <h2 className="h3" style={{ marginBottom: 4 }}>
            {failed ? "Pay again" : "Didn&apos;t get the prompt?"}
          </h2>
          <input type="hidden" name="order_id" value={orderId} />
          {token ? <input type="hidden" name="token" value={token} /> : null}
          {status.can_change_phone === false ? (
            <p className="small" style={{ margin: 0 }} data-testid="retry-same-phone">
              We&apos;ll send the prompt to {status.phone_masked ? <strong>{status.phone_masked}</strong> : "the same number"}. To
              use another number, sign in to your account.
            </p>
          ) : (
            <div className="field" style={{ margin: 0 }}>
              <label htmlFor="retry-phone">
                M-Pesa number <span className="muted">(optional)</span>
              </label>
              <input
                id="retry-phone"
                name="phone"
                type="tel"
                inputMode="tel"
                autoComplete="tel"
                placeholder={status.phone_masked ? `Same number (${status.phone_masked})` : "0712 345 678"}
                aria-describedby="retry-phone-hint"
              />
              <p id="retry-phone-hint" className="field__hint">
                Leave empty to use the same number.
              </p>
            </div>
          )}
          {retry.error ? (
            <p className="notice notice--error" role="alert" data-testid="retry-error">
              {retry.error}
              {throttled ? <> You can ask for a new prompt from {retryAtLabel(retry.retryAt!)}.</> : null}
            </p>
          ) : null}
          <SubmitButton
            pendingLabel="Sending a new prompt…"
            testId="mpesa-retry-button"
            disabled={(failed && !status.can_retry) || throttled}
          >
            Send a new prompt
          </SubmitButton>
          {failed && !status.can_retry ? (
            <p className="small muted" style={{ margin: 0 }}>
              This order can&apos;t take another M-Pesa payment. Contact us, or place the order again.
            </p>
          ) : null}
        </form>
      ) : null}

      <p className="small muted" style={{ marginTop: 20 }}>
        Order {displayId ? `#${displayId}` : ""} is saved. You can close this page and come back to it from your confirmation email or
        the <a href={`/${country}/track`}>order tracking</a> page.
      </p>
    </div>
  )
}
