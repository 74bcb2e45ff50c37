import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { SOKO_NOTIFICATIONS_MODULE } from "../../modules/notifications"
import type NotificationsModuleService from "../../modules/notifications/service"
import { Channel, Locale, TEMPLATE_PARTS, TEMPLATES, TemplateId, TemplatePart } from "../../templates/catalog"
import type { TemplateData } from "../../templates/engine"
import { checkOverridePart, TemplateOverrides } from "../../templates/overrides"
import { renderMessage } from "../../templates/render-message"
import { SAMPLE_DATA } from "../../templates/sample-data"
import { defaultSources } from "../../templates/sources"
import { brandingFor } from "./branding"
import { contextQuery, toContext } from "./context"
import type { EventPlan } from "./plan-event"
import { templateData } from "./template-data"

export type PartOrigin = "unsaved" | "admin" | "options" | "default"

/** Where each part of a template in a locale comes from, and its source text. */
export async function effectiveSources(
  service: NotificationsModuleService,
  template: TemplateId,
  locale: Locale,
  unsaved: Partial<Record<TemplatePart, string | null>> = {}
) {
  const admin = (await service.templateOverrides())[template]?.[locale] ?? {}
  const options = service.getOptions().templates[template]?.[locale] ?? {}
  const defaults = defaultSources(template, locale)
  return Object.fromEntries(
    TEMPLATE_PARTS.map((part) => {
      const layers: [PartOrigin, string | null | undefined][] = [
        ["unsaved", unsaved[part]],
        ["admin", admin[part]],
        ["options", options[part]],
        ["default", defaults[part]],
      ]
      const [origin, source] = layers.find(([, s]) => typeof s === "string") as [PartOrigin, string]
      return [part, { origin, source }]
    })
  ) as Record<TemplatePart, { origin: PartOrigin; source: string }>
}

export type PreviewInput = {
  template: TemplateId
  locale: Locale
  channel: Channel
  overrides?: Partial<Record<TemplatePart, string | null>>
  order_id?: string
}

/**
 * Renders a template for the admin: with unsaved edits (checked like a save
 * would), over the saved and configured overrides, with sample data or a
 * real order's data.
 */
export async function previewTemplate(container: MedusaContainer, input: PreviewInput) {
  const service = container.resolve<NotificationsModuleService>(SOKO_NOTIFICATIONS_MODULE)
  const options = service.getOptions()
  if (!TEMPLATES[input.template].channels.includes(input.channel)) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, `${input.template} is not sent by ${input.channel}`)
  }
  const unsaved = Object.fromEntries(
    Object.entries(input.overrides ?? {}).filter(([, v]) => typeof v === "string")
  ) as Partial<Record<TemplatePart, string>>
  const problems = Object.entries(unsaved).flatMap(([part, source]) =>
    checkOverridePart(input.template, part as TemplatePart, source!).map(
      (p) => `${part}: line ${p.line}, column ${p.column}: ${p.message}`
    )
  )
  if (problems.length) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, problems.join("; "))
  }
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  let data: TemplateData = SAMPLE_DATA[input.template]
  if (input.order_id) {
    const lookup = { entity: "order" as const, id: input.order_id }
    const { entity, fields, filters } = contextQuery(lookup)
    const { data: rows } = await query.graph({ entity, fields, filters })
    const context = toContext(lookup, rows[0] as Record<string, unknown> | undefined)
    if (!context.order) {
      throw new MedusaError(MedusaError.Types.NOT_FOUND, `Order ${input.order_id} was not found`)
    }
    const plan: EventPlan = { trigger: "preview", templates: [input.template], lookup, resource: { kind: "order" }, extras: {} }
    data = { ...SAMPLE_DATA[input.template], ...templateData(input.template, plan, context, input.locale, options) }
  }
  const layers: TemplateOverrides[] = [
    { [input.template]: { [input.locale]: unsaved } },
    await service.templateOverrides(),
    options.templates,
  ]
  const rendered = renderMessage({
    template: input.template,
    locale: input.locale,
    channel: input.channel,
    data,
    branding: await brandingFor(query, options),
    overrides: layers,
    transliterate: options.smsTransliterate,
  })
  const sources = await effectiveSources(service, input.template, input.locale, unsaved)
  return { ...rendered, origins: Object.fromEntries(TEMPLATE_PARTS.map((p) => [p, sources[p].origin])) }
}
