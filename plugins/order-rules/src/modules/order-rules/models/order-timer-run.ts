import { model } from "@medusajs/framework/utils"

/** What one run of a timer (auto-cancel, auto-complete) examined and changed. */
export const OrderTimerRun = model.define("order_timer_run", {
  id: model.id({ prefix: "otr" }).primaryKey(),
  timer: model.text().index(),
  /** The clock the run used (the job's time, or the time a test passed in). */
  ran_at: model.dateTime(),
  examined: model.number().default(0),
  changed_count: model.number().default(0),
  failed_count: model.number().default(0),
  /** `{ changed: [{ order_id, from, to }], failed: [{ order_id, message }] }` */
  result: model.json(),
})
