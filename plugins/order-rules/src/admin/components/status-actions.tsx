import { Button, Label, Text, Textarea } from "@medusajs/ui"
import { useState } from "react"
import type { NextState } from "../lib/types"

type Props = {
  options: NextState[]
  pending: boolean
  error: string | null
  onMove: (to: string, reason: string) => void
}

/** One button per state the admin may move the order to now; a reason is asked before moving. */
export const StatusActions = ({ options, pending, error, onMove }: Props) => {
  const [target, setTarget] = useState<NextState | null>(null)
  const [reason, setReason] = useState("")
  const allowed = options.filter((o) => o.allowed)
  const blocked = options.filter((o) => !o.allowed)

  if (target) {
    const missingReason = target.requires_reason && reason.trim() === ""
    return (
      <div className="flex flex-col gap-y-2" data-testid="order-status-confirm-panel">
        <Label size="small" htmlFor="order-status-reason">
          Move to “{target.label}” — reason{target.requires_reason ? " (required)" : " (optional)"}
        </Label>
        <Textarea
          id="order-status-reason"
          data-testid="order-status-reason"
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          rows={2}
          maxLength={500}
        />
        {error ? (
          <Text size="small" className="text-ui-fg-error" data-testid="order-status-error">
            {error}
          </Text>
        ) : null}
        <div className="flex justify-end gap-x-2">
          <Button
            size="small"
            variant="secondary"
            data-testid="order-status-abort"
            onClick={() => setTarget(null)}
            disabled={pending}
          >
            Cancel
          </Button>
          <Button
            size="small"
            data-testid="order-status-confirm"
            isLoading={pending}
            disabled={missingReason}
            onClick={() => onMove(target.to, reason.trim())}
          >
            Move to {target.label}
          </Button>
        </div>
      </div>
    )
  }

  return (
    <div className="flex flex-col gap-y-2">
      {allowed.length > 0 ? (
        <div className="flex flex-wrap gap-2" data-testid="order-status-actions">
          {allowed.map((option) => (
            <Button
              key={option.to}
              size="small"
              variant="secondary"
              data-testid={`order-status-action-${option.to}`}
              onClick={() => {
                setReason("")
                setTarget(option)
              }}
            >
              {option.label}
            </Button>
          ))}
        </div>
      ) : (
        <Text size="small" className="text-ui-fg-subtle" data-testid="order-status-no-actions">
          No status change is available to you right now.
        </Text>
      )}
      {blocked.length > 0 ? (
        <ul className="flex flex-col gap-y-1">
          {blocked.map((option) => (
            <li key={option.to}>
              <Text size="xsmall" className="text-ui-fg-muted">
                {option.label}: {option.blocked_by}
              </Text>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  )
}
