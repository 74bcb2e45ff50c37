import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { ORDER_RULES_MODULE } from "../../modules/order-rules"
import type OrderRulesModuleService from "../../modules/order-rules/service"
import { timerSettings, type TimerName, type TimerRunInput } from "../utils/timer-settings"

export const resolveTimerSettingsStepId = "resolve-timer-settings"

/** The run's clock, delay, batch size and targets, from plugin options and the input. */
export const resolveTimerSettingsStep = createStep(
  resolveTimerSettingsStepId,
  async (input: { timer: TimerName; run: TimerRunInput }, { container }) => {
    const service = container.resolve<OrderRulesModuleService>(ORDER_RULES_MODULE)
    return new StepResponse(timerSettings(input.timer, service.getOptions(), input.run))
  }
)
