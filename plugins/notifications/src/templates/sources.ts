import { Locale, LOCALES, TEMPLATE_IDS, TemplateId, TemplatePart } from "./catalog"
import { emailHtml, emailText } from "./content/blocks"
import en from "./content/en.json"
import sw from "./content/sw.json"
import type { LocaleContent } from "./content/types"

/**
 * The built-in wording, one JSON file per language so a translator edits text
 * without touching code; typing it as LocaleContent makes the compiler check
 * that every template and label is there.
 */
export const CONTENT: Record<Locale, LocaleContent> = { en, sw }

export type TemplateSources = Record<TemplatePart, string>

function build(locale: Locale, id: TemplateId): TemplateSources {
  const content = CONTENT[locale]
  const template = content.templates[id]
  return {
    subject: template.subject,
    html: emailHtml(template.email, content.labels),
    text: emailText(template.email, content.labels),
    sms: template.sms,
  }
}

const DEFAULTS = new Map<string, TemplateSources>(
  LOCALES.flatMap((locale) => TEMPLATE_IDS.map((id) => [`${id}:${locale}`, build(locale, id)] as const))
)

/** The built-in sources of a template in a locale, in Liquid (the language merchants override them in). */
export function defaultSources(id: TemplateId, locale: Locale): TemplateSources {
  return DEFAULTS.get(`${id}:${locale}`)!
}
