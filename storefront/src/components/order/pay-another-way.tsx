"use client"

import { useTranslations } from "next-intl"
import { useCallback, useEffect, useState } from "react"
import {
  type AvailableC2b,
  C2B_POLL_MS,
  c2bPollUrl,
  c2bQrUrl,
  isC2bInstructions,
  kes,
  partialNotice,
  payAnotherWaySteps,
} from "@/lib/pay-another-way"

type Props = {
  orderId: string
  token?: string
  initial: AvailableC2b
  /** Opened by itself after a prompt that could not reach the phone (the heading says so). */
  automatic: boolean
  /** The paybill/till payment covered the order. */
  onPaid: () => void
}

/** A 1×1 transparent GIF: what narrow screens load instead of the QR code. */
const BLANK = "data:image/gif;base64,R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7"

/**
 * "Pay another way": the paybill (or till) number, account and exact amount
 * with copy buttons, the steps on the phone, and on wide screens a QR code the
 * M-Pesa app scans. It follows the order's paybill/till payments and tells
 * the page when the order is paid; a short payment shows what is left.
 */
export function PayAnotherWay({ orderId, token, initial, automatic, onPaid }: Props) {
  const t = useTranslations("payAnotherWay")
  const [c2b, setC2b] = useState<AvailableC2b | null>(initial)
  const [checks, setChecks] = useState(0)
  const [qrFailed, setQrFailed] = useState(false)

  const poll = useCallback(async () => {
    try {
      const res = await fetch(c2bPollUrl(orderId, token), { cache: "no-store" })
      const next: unknown = res.ok ? await res.json() : null
      if (isC2bInstructions(next)) {
        setC2b(next.available ? next : null)
      }
    } catch {
      // A dropped connection: the next check will tell.
    } finally {
      setChecks((n) => n + 1)
    }
  }, [orderId, token])

  useEffect(() => {
    if (!c2b || c2b.status === "paid") {
      return
    }
    const timer = window.setTimeout(() => void poll(), C2B_POLL_MS)
    return () => window.clearTimeout(timer)
  }, [c2b, checks, poll])

  const paid = c2b?.status === "paid"
  useEffect(() => {
    if (paid) {
      onPaid()
    }
  }, [paid, onPaid])

  if (!c2b) {
    return null
  }
  const till = c2b.type === "till"
  const partial = partialNotice(c2b, t)
  // A new amount after a part payment needs a new code; the query makes it a new image.
  const qr = `${c2bQrUrl(orderId, token)}&amount=${c2b.amount_kes}`

  return (
    <section className="panel pay-another-way" aria-labelledby="pay-another-way-title" data-testid="pay-another-way" data-c2b-status={c2b.status}>
      <h2 className="h3" id="pay-another-way-title">
        {automatic ? t("titleAutomatic") : t("title")}
      </h2>
      {automatic ? (
        <p className="small" style={{ marginTop: 0 }}>
          {t("automaticText")}
        </p>
      ) : null}
      {partial ? (
        <p className="notice notice--warn small" role="status" data-testid="c2b-partial">
          {partial}
        </p>
      ) : null}
      {paid ? (
        <p className="notice notice--success small" role="status" data-testid="c2b-paid">
          {t("paid")}
        </p>
      ) : null}
      <div className="pay-another-way__body">
        <dl className="pay-another-way__fields">
          <Field
            label={till ? t("tillNumber") : t("businessNumber")}
            value={c2b.number}
            copyLabel={till ? t("copyTillNumber") : t("copyBusinessNumber")}
            testId="c2b-number"
          />
          {!till && c2b.account ? <Field label={t("accountNumber")} value={c2b.account} copyLabel={t("copyAccountNumber")} testId="c2b-account" /> : null}
          <Field label={t("amount")} value={String(c2b.amount_kes)} shown={kes(c2b.amount_kes)} copyLabel={t("copyAmount")} testId="c2b-amount" />
        </dl>
        {!paid && !qrFailed ? (
          <figure className="pay-another-way__qr" data-testid="c2b-qr">
            {/* Only wide screens pick the QR source; phones keep the blank image and fetch nothing. */}
            <picture>
              <source media="(min-width: 760px)" srcSet={qr} />
              <img src={BLANK} width={200} height={200} alt={t("qrAlt")} onError={() => setQrFailed(true)} />
            </picture>
            <figcaption className="small muted">{t("qrCaption")}</figcaption>
          </figure>
        ) : null}
      </div>
      <ol className="steps-list" data-testid="c2b-steps">
        {payAnotherWaySteps(c2b, t).map((step) => (
          <li key={step}>{step}</li>
        ))}
      </ol>
      <p className="small muted" style={{ marginBottom: 0 }}>
        {till ? t("exactTill") : t("exactPaybill")}
      </p>
    </section>
  )
}

function Field({ label, value, shown, copyLabel, testId }: { label: string; value: string; shown?: string; copyLabel: string; testId: string }) {
  const t = useTranslations("payAnotherWay")
  const [copied, setCopied] = useState(false)
  useEffect(() => {
    if (!copied) {
      return
    }
    const t = window.setTimeout(() => setCopied(false), 2000)
    return () => window.clearTimeout(t)
  }, [copied])
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(value)
      setCopied(true)
    } catch {
      // No clipboard (old browser, insecure origin): the value is on screen to type.
    }
  }
  return (
    <div className="pay-another-way__field">
      <dt>{label}</dt>
      <dd>
        <strong data-testid={testId} data-value={value}>
          {shown ?? value}
        </strong>
        <button type="button" className="btn btn--secondary btn--small" onClick={() => void copy()} aria-label={`${copyLabel} ${value}`} data-testid={`copy-${testId.replace(/^c2b-/, "")}`}>
          {copied ? t("copied") : t("copy")}
        </button>
        <span className="visually-hidden" role="status">
          {copied ? t("fieldCopied", { label }) : ""}
        </span>
      </dd>
    </div>
  )
}
