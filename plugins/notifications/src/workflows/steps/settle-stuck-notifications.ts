import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { SOKO_NOTIFICATIONS_MODULE } from "../../modules/notifications"
import type NotificationsModuleService from "../../modules/notifications/service"
import { deliverMessage, DeliveryOutcome, settleInterrupted } from "../utils/deliver-message"

export type SettleStuckNotificationsStepInput = {
  /** Pending messages older than this were never picked up. */
  pendingGraceMs?: number
  /** Retries overdue by this much lost their timer (a restart, an in-memory event bus). */
  retryGraceMs?: number
  limit?: number
}

export const settleStuckNotificationsStepId = "soko-settle-stuck-notifications"

/**
 * The safety net behind event-driven delivery: sends what nobody sent,
 * retries what lost its timer, and settles attempts whose process stopped.
 * Each message is claimed atomically, so a sweep racing a live attempt (or
 * another worker's sweep) cannot send twice.
 */
export const settleStuckNotificationsStep = createStep(
  settleStuckNotificationsStepId,
  async (input: SettleStuckNotificationsStepInput, { container }) => {
    const service = container.resolve<NotificationsModuleService>(SOKO_NOTIFICATIONS_MODULE)
    const now = Date.now()
    const stuck = await service.listStuckMessages({
      now: new Date(now),
      pendingBefore: new Date(now - (input.pendingGraceMs ?? 30_000)),
      retryBefore: new Date(now - (input.retryGraceMs ?? 5_000)),
      limit: input.limit ?? 100,
    })
    const outcomes: DeliveryOutcome[] = []
    for (const row of stuck) {
      outcomes.push(row.status === "sending" ? await settleInterrupted(container, row) : await deliverMessage(container, row.id))
    }
    return new StepResponse(outcomes)
  }
)
