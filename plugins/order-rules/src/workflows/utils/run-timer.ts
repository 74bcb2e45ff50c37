import { releaseLockStep } from "@medusajs/medusa/core-flows"
import { transform, when } from "@medusajs/framework/workflows-sdk"
import type { WorkflowData } from "@medusajs/framework/workflows-sdk"
import { applyTimerChangesStep, type TimerRunResult } from "../steps/apply-timer-changes"
import { claimTimerRunStep } from "../steps/claim-timer-run"
import { findTimerCandidatesStep } from "../steps/find-timer-candidates"
import { recordTimerRunStep } from "../steps/record-timer-run"
import { resolveTimerSettingsStep } from "../steps/resolve-timer-settings"
import type { TimerName, TimerRunInput } from "./timer-settings"

export type TimerWorkflowResult = TimerRunResult & {
  /** The recorded run, or null when another run held the timer. */
  run_id: string | null
  skipped_run: string | null
}

const NOT_RUN: TimerWorkflowResult = {
  run_id: null,
  skipped_run: "another run of this timer is in progress",
  changed: [],
  skipped: [],
  failed: [],
}

/** A run may hold its timer's lock this long (seconds) before another worker may take over. */
const TIMER_LOCK_TTL = 300

/**
 * The body shared by the timer workflows: claim the timer (one run at a time
 * across workers), find due orders, change each, record the run, release.
 */
export function composeTimerRun(timer: TimerName, input: TimerRunInput | WorkflowData<TimerRunInput>) {
  const lockKey = `order-rules:timer:${timer}`
  const claim = claimTimerRunStep({ key: lockKey, ttl_seconds: TIMER_LOCK_TTL })
  const run = when(`${timer}-claimed`, { claim }, ({ claim }) => claim.claimed).then(() => {
    const settings = resolveTimerSettingsStep(transform({ input }, ({ input }) => ({ timer, run: input })))
    const orderIds = findTimerCandidatesStep({ settings })
    const result = applyTimerChangesStep({ settings, order_ids: orderIds })
    const recorded = recordTimerRunStep(
      transform({ settings, orderIds, result }, ({ settings, orderIds, result }) => ({
        settings,
        examined: orderIds.length,
        result,
      }))
    )
    // A transform must return the value itself: a property of a transform's result does not resolve.
    const ownerId = transform({ claim }, ({ claim }) => claim.owner_id as string)
    releaseLockStep({ key: lockKey, ownerId })
    return transform({ recorded, result }, ({ recorded, result }): TimerWorkflowResult => ({
      run_id: recorded.id,
      skipped_run: null,
      ...result,
    }))
  })
  return transform({ run }, ({ run }): TimerWorkflowResult => (run as TimerWorkflowResult | undefined) ?? NOT_RUN)
}
