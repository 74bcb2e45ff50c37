import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { ORDER_RULES_MODULE } from "../../modules/order-rules"
import type OrderRulesModuleService from "../../modules/order-rules/service"
import { TIMERS } from "../utils/constants"
import type { TimerSettings } from "../utils/timer-settings"

export type FindTimerCandidatesStepInput = { settings: TimerSettings }

export const findTimerCandidatesStepId = "find-timer-candidates"

/**
 * Orders a timer is due for at `now`, oldest first, at most a batch. Unpaid:
 * placed (Medusa's created_at) before the cut-off. Delivered: delivered (the
 * status change) before the cut-off. The change workflow re-checks each one
 * under the order's lock, so a stale candidate is skipped, not mishandled.
 */
export const findTimerCandidatesStep = createStep(
  findTimerCandidatesStepId,
  async ({ settings }: FindTimerCandidatesStepInput, { container }) => {
    const service = container.resolve<OrderRulesModuleService>(ORDER_RULES_MODULE)
    const cutoff = new Date(new Date(settings.now).getTime() - settings.after_ms)
    if (settings.timer === TIMERS.completeDelivered) {
      const due = await service.listOrderLifecycles(
        { status: settings.from_states, status_changed_at: { $lt: cutoff } },
        { order: { status_changed_at: "ASC" }, take: settings.batch_size, select: ["order_id"] }
      )
      return new StepResponse(due.map((l) => l.order_id))
    }
    const unpaid = await service.listOrderLifecycles(
      { status: settings.from_states },
      { select: ["order_id"], take: 10_000 }
    )
    if (unpaid.length === 0) {
      return new StepResponse<string[]>([])
    }
    const query = container.resolve(ContainerRegistrationKeys.QUERY)
    const { data } = await query.graph({
      entity: "order",
      fields: ["id"],
      filters: { id: unpaid.map((l) => l.order_id), created_at: { $lt: cutoff } },
      pagination: { take: settings.batch_size, order: { created_at: "ASC" } },
    })
    return new StepResponse(data.map((o: { id: string }) => o.id))
  }
)
