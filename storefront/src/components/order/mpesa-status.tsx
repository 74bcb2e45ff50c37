"use client"

import { useRouter } from "next/navigation"
import { useFormatter, useTranslations } from "next-intl"
import { useActionState, useCallback, useEffect, useRef, useState } from "react"
import { retryMpesaPayment, type RetryState } from "@/lib/data/mpesa-actions"
import { useShopLocale } from "@/i18n/use-locale"
import { type MpesaStatus, nextPollDelay, orderPagePath, outcomeMessage, reasonLine, statusPollUrl, TERMINAL } from "@/lib/mpesa"
import { type C2bInstructions, mayPayAnotherWay, offersPayAnotherWay } from "@/lib/pay-another-way"
import { formatMoney } from "@/lib/util/money"
import { SubmitButton } from "../submit-button"
import { PayAnotherWay } from "./pay-another-way"

type Props = {
  orderId: string
  /** The order-link token that proves a guest holds this order (kept in every link and request). */
  token?: string
  country: string
  initial: MpesaStatus
  displayId?: number | string
  total: number
  currency: string
  /** The order's paybill/till instructions; without them (or when unavailable) there is no "Pay another way". */
  c2b?: C2bInstructions
}

/**
 * The "check your phone" screen. It follows the payment live (pending → paid,
 * or failed/cancelled/expired with the reason and a retry that sends a new
 * prompt) and moves on to the confirmation when the money is in. The page can
 * be left and reopened at any time: the state lives in the backend.
 */
export function MpesaStatusPanel({ orderId, token, country, initial, displayId, total, currency, c2b }: Props) {
  const t = useTranslations("mpesa")
  const outcome = useTranslations("mpesaOutcome")
  const englishPage = useShopLocale() === "en"
  const format = useFormatter()
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

  // "Pay another way": asked for with the button, or opened by the outcome (see offersPayAnotherWay).
  const [askedAnotherWay, setAskedAnotherWay] = useState(false)
  const c2bOffered = c2b?.available === true && mayPayAnotherWay(status)
  const c2bOpen = c2bOffered && (askedAnotherWay || offersPayAnotherWay(status))
  // A paybill/till payment covered the order: the same ending as a prompt paid.
  const paidAnotherWay = useCallback(() => {
    // No message_key: the page's own sentence, not the prompt's outcome.
    setStatus((current) => ({ ...current, status: "paid", shopper_message: t("paidAnotherWay"), message_key: undefined }))
  }, [t])

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
  const amount = formatMoney(status.amount_kes ?? total, status.amount_kes ? "kes" : currency, format)
  const strong = (chunks: React.ReactNode) => <strong>{chunks}</strong>
  const reason = reasonLine(status, englishPage)

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
        <h1 data-testid="mpesa-headline">{t("headline", { status: status.status })}</h1>
        <p data-testid="mpesa-message">{outcomeMessage(status, outcome)}</p>
        {reason ? (
          <p className="muted" data-testid="mpesa-reason">
            {reason}
          </p>
        ) : null}
        {status.status === "paid" && status.receipt ? (
          <p>
            {t.rich("receipt", {
              receipt: status.receipt,
              strong: (chunks) => <strong data-testid="mpesa-receipt">{chunks}</strong>,
            })}
          </p>
        ) : null}
      </div>

      {status.status === "pending" ? (
        <ol className="steps-list">
          <li>
            {status.phone_masked ? t.rich("lookOn", { phone: status.phone_masked, strong }) : t("lookOnYourPhone")}
          </li>
          <li>
            {t.rich("checkAmount", { amount, strong })}
          </li>
          <li>{t("keepOpen")}</li>
        </ol>
      ) : null}

      {c2b?.available && c2bOpen ? (
        <PayAnotherWay orderId={orderId} token={token} initial={c2b} automatic={!askedAnotherWay} onPaid={paidAnotherWay} />
      ) : null}

      {c2bOffered && !c2bOpen ? (
        <button
          type="button"
          className="btn btn--secondary btn--block"
          style={{ marginTop: 16 }}
          onClick={() => setAskedAnotherWay(true)}
          data-testid="pay-another-way-button"
        >
          {t("payAnotherWay")}
        </button>
      ) : null}

      {offline ? (
        <p className="notice notice--warn small" role="status">
          {t("offline")}
        </p>
      ) : null}

      {status.status === "paid" ? (
        <a className="btn" href={confirmedUrl}>
          {t("seeOrder")}
        </a>
      ) : null}

      {failed || (status.status === "pending" && status.can_retry) ? (
        <form action={retryAction} className="panel stack" style={{ textAlign: "left", marginTop: 16 }} data-testid="mpesa-retry">
          <h2 className="h3" style={{ marginBottom: 4 }}>
            {failed ? t("payAgain") : t("noPrompt")}
          </h2>
          <input type="hidden" name="order_id" value={orderId} />
          {token ? <input type="hidden" name="token" value={token} /> : null}
          {status.can_change_phone === false ? (
            <p className="small" style={{ margin: 0 }} data-testid="retry-same-phone">
              {status.phone_masked ? t.rich("samePhone", { phone: status.phone_masked, strong }) : t("sameNumber")}
            </p>
          ) : (
            <div className="field" style={{ margin: 0 }}>
              <label htmlFor="retry-phone">
                {t("number")} <span className="muted">{t("optional")}</span>
              </label>
              <input
                id="retry-phone"
                name="phone"
                type="tel"
                inputMode="tel"
                autoComplete="tel"
                placeholder={status.phone_masked ? t("sameNumberPlaceholder", { phone: status.phone_masked }) : "0712 345 678"}
                aria-describedby="retry-phone-hint"
              />
              <p id="retry-phone-hint" className="field__hint">
                {t("leaveEmpty")}
              </p>
            </div>
          )}
          {retry.error ? (
            <p className="notice notice--error" role="alert" data-testid="retry-error">
              {retry.error}
              {throttled ? <> {t("retryFrom", { time: format.dateTime(new Date(retry.retryAt!), "time") })}</> : null}
            </p>
          ) : null}
          <SubmitButton
            pendingLabel={t("sendingNew")}
            testId="mpesa-retry-button"
            disabled={(failed && !status.can_retry) || throttled}
          >
            {t("sendNew")}
          </SubmitButton>
          {failed && !status.can_retry ? (
            <p className="small muted" style={{ margin: 0 }}>
              {t("noMoreRetries")}
            </p>
          ) : null}
        </form>
      ) : null}

      <p className="small muted" style={{ marginTop: 20 }}>
        {t.rich("saved", {
          number: displayId ? `#${displayId}` : "",
          link: (chunks) => <a href={`/${country}/track`}>{chunks}</a>,
        })}
      </p>
    </div>
  )
}
