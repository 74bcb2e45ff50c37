import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { SOKO_NOTIFICATIONS_MODULE } from "../../../../../modules/notifications"
import type NotificationsModuleService from "../../../../../modules/notifications/service"
import { isLocale, isTemplateId, TEMPLATES } from "../../../../../templates/catalog"
import { defaultSources } from "../../../../../templates/sources"
import { saveNotificationTemplateWorkflow } from "../../../../../workflows/save-notification-template"
import { effectiveSources } from "../../../../../workflows/utils/preview"
import type { AdminSaveNotificationTemplateType } from "../../../../validators"

async function describe(req: AuthenticatedMedusaRequest) {
  const { template, locale } = req.params
  if (!isTemplateId(template)) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `There is no notification template "${template}"`)
  }
  if (!isLocale(locale)) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `Locale must be en or sw (got "${locale}")`)
  }
  const service = req.scope.resolve<NotificationsModuleService>(SOKO_NOTIFICATIONS_MODULE)
  return {
    template,
    locale,
    channels: TEMPLATES[template].channels,
    variables: Object.keys(TEMPLATES[template].variables).sort(),
    parts: await effectiveSources(service, template, locale),
    defaults: defaultSources(template, locale),
  }
}

/** The sources in effect for one template in one locale, with where each part comes from. */
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  res.json({ template: await describe(req) })
}

/** Saves the merchant's override (checked first: unknown variables and broken markup are refused). */
export async function POST(req: AuthenticatedMedusaRequest<AdminSaveNotificationTemplateType>, res: MedusaResponse) {
  await saveNotificationTemplateWorkflow(req.scope).run({
    input: { template: req.params.template, locale: req.params.locale, parts: req.validatedBody },
  })
  res.json({ template: await describe(req) })
}

/** Removes the admin override: the options' override or the built-in text applies again. */
export async function DELETE(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  await saveNotificationTemplateWorkflow(req.scope).run({
    input: { template: req.params.template, locale: req.params.locale, parts: { subject: null, html: null, text: null, sms: null } },
  })
  res.json({ template: await describe(req), deleted: true })
}
