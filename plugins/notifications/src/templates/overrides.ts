import {
  isLocale,
  isTemplateId,
  Locale,
  LOCALES,
  TEMPLATE_IDS,
  TEMPLATE_PARTS,
  TEMPLATES,
  TemplateId,
  TemplatePart,
} from "./catalog"
import { findTemplateProblems, TemplateProblem } from "./engine"
import { isLegacySyntax, legacyToLiquid } from "./legacy-syntax"

/** Overrides by template, locale and part: `{ "order-placed": { sw: { sms: "…" } } }`. */
export type TemplateOverrides = Partial<
  Record<TemplateId, Partial<Record<Locale, Partial<Record<TemplatePart, string>>>>>
>

export type OverrideProblem = {
  /** Where the problem is, e.g. `templates.order-placed.sw.sms`. */
  path: string
  message: string
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value)

/** Checks one override source; `html` is also checked as markup. */
export function checkOverridePart(
  template: TemplateId,
  part: TemplatePart,
  source: string
): TemplateProblem[] {
  if (part === "sms" && !TEMPLATES[template].channels.includes("sms")) {
    return [{ message: `${template} is sent by email only; it has no sms text`, line: 1, column: 1 }]
  }
  if (!source.trim()) {
    return [{ message: "is empty; remove the override to use the built-in text", line: 1, column: 1 }]
  }
  if (isLegacySyntax(source)) {
    const liquid = legacyToLiquid(source, TEMPLATES[template].variables)
    return [
      {
        message: `uses {{#if}}/{{#each}} blocks from before Liquid; in Liquid: ${liquid.length > 300 ? `${liquid.slice(0, 300)}…` : liquid}`,
        line: 1,
        column: 1,
      },
    ]
  }
  return findTemplateProblems(source, {
    variables: TEMPLATES[template].variables,
    html: part === "html",
  })
}

/**
 * Every problem in a whole overrides object (from plugin options), each with
 * its path, so a start-up error can name exactly what to fix.
 */
export function checkOverrides(value: unknown, root = "templates"): OverrideProblem[] {
  if (value === undefined || value === null) {
    return []
  }
  if (!isRecord(value)) {
    return [{ path: root, message: "must be an object keyed by template id" }]
  }
  const problems: OverrideProblem[] = []
  for (const [id, byLocale] of Object.entries(value)) {
    const at = `${root}.${id}`
    if (!isTemplateId(id)) {
      problems.push({ path: at, message: `unknown template; use one of ${TEMPLATE_IDS.join(", ")}` })
      continue
    }
    if (!isRecord(byLocale)) {
      problems.push({ path: at, message: `must be an object keyed by locale (${LOCALES.join(", ")})` })
      continue
    }
    for (const [locale, parts] of Object.entries(byLocale)) {
      const atLocale = `${at}.${locale}`
      if (!isLocale(locale)) {
        problems.push({ path: atLocale, message: `unknown locale; use one of ${LOCALES.join(", ")}` })
        continue
      }
      if (!isRecord(parts)) {
        problems.push({ path: atLocale, message: `must be an object with ${TEMPLATE_PARTS.join(", ")}` })
        continue
      }
      for (const [part, source] of Object.entries(parts)) {
        const atPart = `${atLocale}.${part}`
        if (!(TEMPLATE_PARTS as readonly string[]).includes(part)) {
          problems.push({ path: atPart, message: `unknown part; use one of ${TEMPLATE_PARTS.join(", ")}` })
          continue
        }
        if (typeof source !== "string") {
          problems.push({ path: atPart, message: "must be a string" })
          continue
        }
        for (const p of checkOverridePart(id, part as TemplatePart, source)) {
          problems.push({ path: atPart, message: `line ${p.line}, column ${p.column}: ${p.message}` })
        }
      }
    }
  }
  return problems
}
