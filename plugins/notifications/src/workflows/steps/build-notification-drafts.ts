import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { SOKO_NOTIFICATIONS_MODULE } from "../../modules/notifications"
import type NotificationsModuleService from "../../modules/notifications/service"
import type { MessageDraft } from "../../modules/notifications/types"
import type { NotificationContext } from "../utils/context"
import type { EventPlan } from "../utils/plan-event"
import { buildDrafts } from "../utils/plan-messages"
import { brandingFor } from "../utils/branding"

export type BuildNotificationDraftsStepInput = {
  event_name: string
  event_at?: string | Date
  plan: EventPlan
  context: NotificationContext
}

export const buildNotificationDraftsStepId = "soko-build-notification-drafts"

/**
 * Decides recipients and channels (contact details, opt-outs, language) and
 * renders every message with the merchant's overrides. Read-only.
 */
export const buildNotificationDraftsStep = createStep(
  buildNotificationDraftsStepId,
  async (input: BuildNotificationDraftsStepInput, { container }) => {
    const service = container.resolve<NotificationsModuleService>(SOKO_NOTIFICATIONS_MODULE)
    const options = service.getOptions()
    const customerId = input.context.customer?.id ?? input.context.order?.customer?.id
    const [preference] = customerId ? await service.listNotificationPreferences({ customer_id: customerId }) : []
    const drafts: MessageDraft[] = buildDrafts({
      eventName: input.event_name,
      eventAt: input.event_at ? new Date(input.event_at) : undefined,
      plan: input.plan,
      context: input.context,
      preference,
      options,
      branding: await brandingFor(container.resolve(ContainerRegistrationKeys.QUERY), options),
      overrides: await service.templateOverrides(),
    })
    return new StepResponse(drafts)
  }
)
