import { type TimelineStep } from "@/lib/tracking"

function when(at?: string) {
  return at
    ? new Date(at).toLocaleString("en-KE", { dateStyle: "medium", timeStyle: "short", timeZone: "Africa/Nairobi" })
    : undefined
}

/** An order's lifecycle: what happened, where it is now, what usually comes next. */
export function Timeline({ steps }: { steps: TimelineStep[] }) {
  return (
    <ol className="timeline" data-testid="tracking-timeline">
      {steps.map((s, i) => (
        <li key={`${s.status}-${i}`} className={`is-${s.state}`} aria-current={s.state === "current" ? "step" : undefined}>
          <div className="timeline__label">
            {s.label}
            {s.state === "upcoming" ? <span className="visually-hidden"> (next)</span> : null}
          </div>
          {s.at ? (
            <time className="small muted" dateTime={s.at}>
              {when(s.at)}
            </time>
          ) : (
            <span className="small muted">{s.state === "upcoming" ? "Next" : ""}</span>
          )}
        </li>
      ))}
    </ol>
  )
}
