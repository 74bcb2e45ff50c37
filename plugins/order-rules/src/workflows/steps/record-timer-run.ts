import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { ORDER_RULES_MODULE } from "../../modules/order-rules"
import type OrderRulesModuleService from "../../modules/order-rules/service"
import type { TimerSettings } from "../utils/timer-settings"
import type { TimerRunResult } from "./apply-timer-changes"

export const recordTimerRunStepId = "record-timer-run"

/** Writes what the run examined and changed, for the admin and for audits. */
export const recordTimerRunStep = createStep(
  recordTimerRunStepId,
  async (input: { settings: TimerSettings; examined: number; result: TimerRunResult }, { container }) => {
    const service = container.resolve<OrderRulesModuleService>(ORDER_RULES_MODULE)
    const run = await service.createOrderTimerRuns({
      timer: input.settings.timer,
      ran_at: new Date(input.settings.now),
      examined: input.examined,
      changed_count: input.result.changed.length,
      failed_count: input.result.failed.length,
      result: input.result as unknown as Record<string, unknown>,
    })
    return new StepResponse(run, run.id)
  },
  async (id, { container }) => {
    if (id) {
      await container.resolve<OrderRulesModuleService>(ORDER_RULES_MODULE).deleteOrderTimerRuns(id)
    }
  }
)
