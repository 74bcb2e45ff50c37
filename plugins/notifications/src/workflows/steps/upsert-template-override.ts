import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { SOKO_NOTIFICATIONS_MODULE } from "../../modules/notifications"
import type NotificationsModuleService from "../../modules/notifications/service"
import type { TemplateOverrideInput } from "./validate-template-override"

type Saved = { id: string; template: string; locale: string; subject: string | null; html: string | null; text: string | null; sms: string | null }

type Undo = { previous: Saved | null; createdId: string | null }

export const upsertTemplateOverrideStepId = "soko-upsert-template-override"

/**
 * Saves the override of one template in one locale. Parts set to null fall
 * back to the built-in text; a row with no part left is removed.
 * Compensation puts back what was there before.
 */
export const upsertTemplateOverrideStep = createStep(
  upsertTemplateOverrideStepId,
  async (input: TemplateOverrideInput, { container }) => {
    const service = container.resolve<NotificationsModuleService>(SOKO_NOTIFICATIONS_MODULE)
    const [existing] = (await service.listNotificationTemplates({ template: input.template, locale: input.locale })) as Saved[]
    const merged = {
      subject: existing?.subject ?? null,
      html: existing?.html ?? null,
      text: existing?.text ?? null,
      sms: existing?.sms ?? null,
      ...input.parts,
    }
    const empty = Object.values(merged).every((v) => v === null || v === undefined)
    if (empty) {
      if (existing) {
        await service.deleteNotificationTemplates(existing.id)
      }
      return new StepResponse<Saved | null, Undo>(null, { previous: existing ?? null, createdId: null })
    }
    if (existing) {
      const updated = await service.updateNotificationTemplates({ id: existing.id, ...merged })
      return new StepResponse<Saved | null, Undo>(updated as unknown as Saved, { previous: existing, createdId: null })
    }
    const created = await service.createNotificationTemplates({ template: input.template, locale: input.locale, ...merged })
    return new StepResponse<Saved | null, Undo>(created as unknown as Saved, { previous: null, createdId: created.id })
  },
  async (undo, { container }) => {
    if (!undo) {
      return
    }
    const service = container.resolve<NotificationsModuleService>(SOKO_NOTIFICATIONS_MODULE)
    if (undo.createdId) {
      await service.deleteNotificationTemplates(undo.createdId)
    }
    if (undo.previous) {
      const { id, template, locale, subject, html, text, sms } = undo.previous
      const [still] = await service.listNotificationTemplates({ id })
      if (still) {
        await service.updateNotificationTemplates({ id, subject, html, text, sms })
      } else {
        await service.createNotificationTemplates({ template, locale, subject, html, text, sms })
      }
    }
  }
)
