import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { changeOrderStatusWorkflow } from "../change-order-status"
import type { TimerSettings } from "../utils/timer-settings"

export type TimerRunResult = {
  changed: { order_id: string; from: string | null; to: string }[]
  skipped: { order_id: string; why: string }[]
  failed: { order_id: string; message: string }[]
}

export const applyTimerChangesStepId = "apply-timer-changes"

/**
 * Runs the status change for each due order, one by one, each in its own
 * change workflow (the order's lock, the rules, Medusa's cancel/complete, the
 * history, the event). The idempotency key is per timer and order, so an order
 * is changed once however many runs see it. Not compensated: each change is
 * already committed on its own, and one order failing must not undo others.
 */
export const applyTimerChangesStep = createStep(
  applyTimerChangesStepId,
  async (input: { settings: TimerSettings; order_ids: string[] }, { container }) => {
    const { settings } = input
    const result: TimerRunResult = { changed: [], skipped: [], failed: [] }
    for (const order_id of input.order_ids) {
      const { result: change, errors } = await changeOrderStatusWorkflow(container).run({
        input: {
          order_id,
          to: settings.to,
          actor: "system",
          reason: settings.reason,
          source: `timer:${settings.timer}`,
          idempotency_key: `timer:${settings.timer}:${order_id}`,
          only_from: settings.from_states,
          skip_payment_statuses: settings.skip_payment_statuses,
        },
        throwOnError: false,
      })
      if (errors?.length) {
        result.failed.push({ order_id, message: errors[0].error?.message ?? "unknown error" })
      } else if (change.skipped || change.replayed) {
        result.skipped.push({ order_id, why: change.skipped ?? "already done by an earlier run" })
      } else {
        const last = change.changes[change.changes.length - 1]
        result.changed.push({ order_id, from: last?.from_status ?? null, to: change.status })
      }
    }
    return new StepResponse(result)
  }
)
