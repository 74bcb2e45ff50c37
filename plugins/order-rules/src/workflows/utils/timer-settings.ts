import { TIMERS } from "./constants"
import type { OrderRulesOptions } from "../../modules/order-rules/options"

export type TimerName = (typeof TIMERS)[keyof typeof TIMERS]

/** Everything one timer run needs, resolved from plugin options and the run's input. */
export type TimerSettings = {
  timer: TimerName
  /** ISO time the run uses as "now". */
  now: string
  after_ms: number
  batch_size: number
  from_states: string[]
  to: string
  reason: string
  /** Payment statuses that make an otherwise due order be left alone. */
  skip_payment_statuses: string[]
}

export type TimerRunInput = {
  /** The clock for this run (ISO string or Date); defaults to the current time. Tests pass their own. */
  now?: string | Date
  /** Overrides of the plugin options, for tests and one-off runs. */
  after_minutes?: number
  after_days?: number
  keep_authorized?: boolean
  batch_size?: number
}

const CAPTURED = ["captured", "partially_captured", "partially_refunded", "refunded"]
const AUTHORIZED = ["authorized", "partially_authorized"]

export function timerSettings(timer: TimerName, options: OrderRulesOptions, input: TimerRunInput): TimerSettings {
  const now = new Date(input.now ?? Date.now()).toISOString()
  if (timer === TIMERS.completeDelivered) {
    const days = input.after_days ?? options.autoCompleteDelivered.afterDays
    return {
      timer,
      now,
      after_ms: days * 24 * 3600 * 1000,
      batch_size: input.batch_size ?? options.autoCompleteDelivered.batchSize,
      from_states: ["delivered"],
      to: "completed",
      reason: `Delivered more than ${days} days ago`,
      skip_payment_statuses: [],
    }
  }
  const minutes = input.after_minutes ?? options.autoCancelUnpaid.afterMinutes
  const keepAuthorized = input.keep_authorized ?? options.autoCancelUnpaid.keepAuthorized
  return {
    timer,
    now,
    after_ms: minutes * 60 * 1000,
    batch_size: input.batch_size ?? options.autoCancelUnpaid.batchSize,
    from_states: ["awaiting_payment", "payment_failed"],
    to: "cancelled",
    reason: `Not paid within ${minutes} minutes of being placed`,
    skip_payment_statuses: keepAuthorized ? [...CAPTURED, ...AUTHORIZED] : CAPTURED,
  }
}
