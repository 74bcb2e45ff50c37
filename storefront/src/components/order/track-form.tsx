"use client"

import { useActionState } from "react"
import { trackOrder, type TrackState } from "@/lib/data/tracking-actions"
import { timelineSteps } from "@/lib/tracking"
import { FormError, TextField } from "../field"
import { SubmitButton } from "../submit-button"
import { Timeline } from "./timeline"

export function TrackForm({ order, email }: { order?: string; email?: string }) {
  const [state, action] = useActionState<TrackState, FormData>(trackOrder, {})
  const t = state.tracking
  return (
    <div className="stack">
      <form action={action} noValidate className="panel" data-testid="track-form">
        <FormError message={state.error} />
        <div className="field-grid">
          <TextField
            name="order"
            label="Order number"
            inputMode="numeric"
            required
            defaultValue={order ?? ""}
            error={state.fields?.order}
            hint="From your confirmation email or SMS."
          />
          <TextField
            name="email"
            label="Email"
            type="email"
            inputMode="email"
            autoComplete="email"
            required
            defaultValue={email ?? ""}
            error={state.fields?.email}
          />
        </div>
        <SubmitButton pendingLabel="Looking it up…" testId="track-submit" block={false}>
          Track order
        </SubmitButton>
      </form>
      <div aria-live="polite">
        {t ? (
          <section className="panel stack" data-testid="tracking-result" aria-labelledby="tracking-title">
            <div className="spread">
              <h2 id="tracking-title" style={{ margin: 0 }}>
                Order #{t.display_id}
              </h2>
              <span className="badge badge--ok">{t.label}</span>
            </div>
            {t.description ? <p className="muted">{t.description}</p> : null}
            <Timeline steps={timelineSteps(t)} />
            {t.shipments.length ? (
              <div>
                <h3>Shipments</h3>
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
                      {s.delivered_at ? " — delivered" : s.shipped_at ? " — on the way" : ""}
                    </li>
                  ))}
                </ul>
              </div>
            ) : null}
            <div>
              <h3>Items</h3>
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
