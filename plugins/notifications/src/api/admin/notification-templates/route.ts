import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { SOKO_NOTIFICATIONS_MODULE } from "../../../modules/notifications"
import type NotificationsModuleService from "../../../modules/notifications/service"
import { LOCALES, TEMPLATE_IDS, TEMPLATES } from "../../../templates/catalog"
import { effectiveSources } from "../../../workflows/utils/preview"

/** Every template: who gets it, on which channels, its variables, and which parts are overridden per locale. */
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const service = req.scope.resolve<NotificationsModuleService>(SOKO_NOTIFICATIONS_MODULE)
  const templates = []
  for (const id of TEMPLATE_IDS) {
    const definition = TEMPLATES[id]
    const locales: Record<string, Record<string, string>> = {}
    for (const locale of LOCALES) {
      const sources = await effectiveSources(service, id, locale)
      locales[locale] = Object.fromEntries(Object.entries(sources).map(([part, s]) => [part, s.origin]))
    }
    templates.push({
      id,
      description: definition.description,
      audience: definition.audience,
      channels: definition.channels,
      variables: Object.keys(definition.variables).sort(),
      locales,
    })
  }
  res.json({ templates, locales: LOCALES, default_locale: service.getOptions().defaultLocale })
}
