import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { contextQuery, NotificationContext, toContext } from "../utils/context"
import type { Lookup } from "../utils/plan-event"

export type LoadNotificationContextStepInput = { lookup: Lookup }

export const loadNotificationContextStepId = "soko-load-notification-context"

/**
 * Loads everything the messages of one event may say with one query, rooted
 * at the record the event names (order, payment, fulfillment, customer…).
 * Read-only, so nothing to compensate.
 */
export const loadNotificationContextStep = createStep(
  loadNotificationContextStepId,
  async (input: LoadNotificationContextStepInput, { container }) => {
    const query = container.resolve(ContainerRegistrationKeys.QUERY)
    const { entity, fields, filters } = contextQuery(input.lookup)
    const { data } = await query.graph({ entity, fields, filters, pagination: { take: 1 } })
    return new StepResponse<NotificationContext>(toContext(input.lookup, data[0] as Record<string, unknown>))
  }
)
