import { Badge, Text } from "@medusajs/ui"
import type { HistoryEntry } from "../lib/types"

const ACTOR_LABEL: Record<HistoryEntry["actor"], string> = {
  system: "System",
  admin: "Admin",
  customer: "Customer",
}

function describe(entry: HistoryEntry): string {
  if (entry.source.startsWith("event:")) {
    // System reasons only repeat the event ("Medusa event payment.captured").
    return `Medusa: ${entry.source.slice("event:".length).replace(/[._]/g, " ")}`
  }
  const who = entry.source.startsWith("timer:")
    ? `Timer: ${entry.source.slice("timer:".length).replace(/-/g, " ")}`
    : ACTOR_LABEL[entry.actor]
  return entry.reason ? `${who} · ${entry.reason}` : who
}

/** The order's status history, newest first. */
export const StatusTimeline = ({ history }: { history: HistoryEntry[] }) => {
  if (history.length === 0) {
    return (
      <Text size="small" className="text-ui-fg-subtle">
        No status changes recorded yet.
      </Text>
    )
  }
  return (
    <ol className="flex flex-col gap-y-3" data-testid="order-status-timeline">
      {[...history].reverse().map((entry) => (
        <li key={entry.id} className="flex flex-col gap-y-0.5" data-testid="order-status-timeline-entry">
          <div className="flex items-center justify-between gap-x-2">
            <Badge size="2xsmall">{entry.to_label}</Badge>
            <Text size="xsmall" className="text-ui-fg-muted">
              {new Date(entry.created_at).toLocaleString()}
            </Text>
          </div>
          <Text size="xsmall" className="text-ui-fg-subtle">
            {describe(entry)}
          </Text>
        </li>
      ))}
    </ol>
  )
}
