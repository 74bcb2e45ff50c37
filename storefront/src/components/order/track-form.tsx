"use client"

import { useTranslations } from "next-intl"
import { useActionState } from "react"
import { trackOrder, type TrackState } from "@/lib/data/tracking-actions"
import { timelineSteps } from "@/lib/tracking"
import { FormError, TextField } from "../field"
import { SubmitButton } from "../submit-button"
import { Timeline } from "./timeline"

export function TrackForm({ order, email }: { order?: string; email?: string }) {
  const [state, action] = useActionState<TrackState, FormData>(trackOrder, {})
  const t = state.tracking
  const words = useTranslations("track")
  return (
    <div className="stack">
      <form action={action} noValidate className="panel" data-testid="track-form">
        <FormError message={state.error} />
        <div className="field-grid">
          <TextField
            name="order"
            label={words("orderNumber")}
            inputMode="numeric"
            required
            defaultValue={order ?? ""}
            error={state.fields?.order}
            hint={words("orderNumberHint")}
          />
          <TextField
            name="email"
            label={words("email")}
            type="email"
            inputMode="email"
            autoComplete="email"
            required
            defaultValue={email ?? ""}
            error={state.fields?.email}
          />
        </div>
        <SubmitButton pendingLabel={words("lookingUp")} testId="track-submit" block={false}>
          {words("submit")}
        </SubmitButton>
      </form>
      <div aria-live="polite">
        {t ? (
          <section className="panel stack" data-testid="tracking-result" aria-labelledby="tracking-title">
            <div className="spread">
              <h2 id="tracking-title" style={{ margin: 0 }}>
                {words("orderTitle", { number: t.display_id })}
              </h2>
              <span className="badge badge--ok">{words("status", { status: t.status, label: t.label })}</span>
            </div>
            {t.description ? <p className="muted">{t.description}</p> : null}
            <Timeline steps={timelineSteps(t)} />
            {t.shipments.length ? (
              <div>
                <h3>{words("shipments")}</h3>
                <ul>
                  {t.shipments.map((s) => (
                    <li key={s.tracking_number}>
                      {s.tracking_url ? (
                        <a href={s.tracking_url} rel="noopener noreferrer" target="_blank">
                          {s.tracking_number}
                        </a>
                      ) : (
                        s.tracking_number
                      )}
                      {s.delivered_at ? ` — ${words("delivered")}` : s.shipped_at ? ` — ${words("onTheWay")}` : ""}
                    </li>
                  ))}
                </ul>
              </div>
            ) : null}
            <div>
              <h3>{words("items")}</h3>
              <ul>
                {t.items.map((i, n) => (
                  <li key={n}>
                    {Number.isFinite(i.quantity) && i.quantity > 0 ? `${i.quantity} × ` : ""}
                    {i.title}
                  </li>
                ))}
              </ul>
            </div>
          </section>
        ) : null}
      </div>
    </div>
  )
}
