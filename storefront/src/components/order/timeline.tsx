import { useFormatter, useTranslations } from "next-intl"
import { type TimelineStep } from "@/lib/tracking"

/** An order's lifecycle: what happened, where it is now, what usually comes next. */
export function Timeline({ steps }: { steps: TimelineStep[] }) {
  const t = useTranslations("track")
  const format = useFormatter()
  return (
    <ol className="timeline" data-testid="tracking-timeline">
      {steps.map((s, i) => (
        <li key={`${s.status}-${i}`} className={`is-${s.state}`} aria-current={s.state === "current" ? "step" : undefined}>
          <div className="timeline__label">
            {t("status", { status: s.status, label: s.label })}
            {s.state === "upcoming" ? <span className="visually-hidden"> {t("nextHidden")}</span> : null}
          </div>
          {s.at ? (
            <time className="small muted" dateTime={s.at}>
              {format.dateTime(new Date(s.at), "medium")}
            </time>
          ) : (
            <span className="small muted">{s.state === "upcoming" ? t("next") : ""}</span>
          )}
        </li>
      ))}
    </ol>
  )
}
