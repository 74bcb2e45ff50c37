import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { SOKO_NOTIFICATIONS_MODULE } from "../../modules/notifications"
import type NotificationsModuleService from "../../modules/notifications/service"

export type UpsertNotificationPreferenceStepInput = {
  customer_id: string
  sms_opt_out?: boolean
  email_opt_out?: boolean
  locale?: string | null
}

type Preference = { id: string; customer_id: string; sms_opt_out: boolean; email_opt_out: boolean; locale: string | null }

type Undo = { previous: Preference | null; createdId: string | null }

export const upsertNotificationPreferenceStepId = "soko-upsert-notification-preference"

/** Creates or updates a customer's preferences; compensation restores the previous ones. */
export const upsertNotificationPreferenceStep = createStep(
  upsertNotificationPreferenceStepId,
  async (input: UpsertNotificationPreferenceStepInput, { container }) => {
    const service = container.resolve<NotificationsModuleService>(SOKO_NOTIFICATIONS_MODULE)
    const [existing] = (await service.listNotificationPreferences({ customer_id: input.customer_id })) as Preference[]
    const changes = Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined))
    if (existing) {
      const updated = await service.updateNotificationPreferences({ ...changes, id: existing.id })
      return new StepResponse<Preference, Undo>(updated as unknown as Preference, { previous: existing, createdId: null })
    }
    const created = await service.createNotificationPreferences(changes as { customer_id: string })
    return new StepResponse<Preference, Undo>(created as unknown as Preference, { previous: null, createdId: created.id })
  },
  async (undo, { container }) => {
    if (!undo) {
      return
    }
    const service = container.resolve<NotificationsModuleService>(SOKO_NOTIFICATIONS_MODULE)
    if (undo.createdId) {
      await service.deleteNotificationPreferences(undo.createdId)
    } else if (undo.previous) {
      const { id, sms_opt_out, email_opt_out, locale } = undo.previous
      await service.updateNotificationPreferences({ id, sms_opt_out, email_opt_out, locale })
    }
  }
)
