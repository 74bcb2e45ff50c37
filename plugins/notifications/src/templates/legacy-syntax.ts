import { isTemplateId, TEMPLATE_PARTS, TemplatePart, TEMPLATES } from "./catalog"
import type { VariableSpec } from "./engine"

/**
 * The template language before Liquid (Handlebars-like blocks) and its
 * translation, for overrides saved in the database or written in plugin
 * options before the switch. `{{ name }}` is the same in both; only blocks
 * and comments differ:
 *
 *   {{#if x}} … {{else}} … {{/if}}   →  {% if x %} … {% else %} … {% endif %}
 *   {{#unless x}} … {{/unless}}      →  {% unless x %} … {% endunless %}
 *   {{#each items}} {{title}} {{/each}} → {% for item in items %} {{ item.title }} {% endfor %}
 *   {{! note }}                      →  {% comment %} note {% endcomment %}
 *
 * A list in a condition becomes `items.size > 0` (an empty list was false
 * before; in Liquid every list is true).
 */

const LEGACY = /\{\{\s*(?:[#/!]|else\s*\}\})/

/** True when a source uses a block or comment of the old language. */
export const isLegacySyntax = (source: string): boolean => LEGACY.test(source)

type Frame = { block: "if" | "unless" | "each"; fields?: Record<string, "value"> }

const LOOP_VARIABLE = "item"

/** Text between tags that Liquid would read as a tag is kept literally. */
const literal = (text: string) => (/\{%/.test(text) ? `{% raw %}${text}{% endraw %}` : text)

/**
 * Rewrites a source from the old language to Liquid. Sources without old
 * blocks or comments come back unchanged, so it is safe to run twice. The
 * `spec` says which names are lists and which fields their items have.
 */
export function legacyToLiquid(source: string, spec: VariableSpec): string {
  if (!isLegacySyntax(source)) {
    return source
  }
  const stack: Frame[] = []
  const ref = (name: string) => {
    const loop = [...stack].reverse().find((f) => f.block === "each")
    return loop?.fields && Object.prototype.hasOwnProperty.call(loop.fields, name) ? `${LOOP_VARIABLE}.${name}` : name
  }
  const condition = (name: string) => (typeof spec[name] === "object" ? `${ref(name)}.size > 0` : ref(name))
  let out = ""
  let offset = 0
  for (const match of source.matchAll(/\{\{([\s\S]*?)\}\}/g)) {
    out += literal(source.slice(offset, match.index))
    offset = match.index + match[0].length
    const inner = match[1].trim()
    const [head, ...rest] = inner.split(/\s+/)
    const name = rest.join(" ")
    if (inner.startsWith("!")) {
      out += `{% comment %}${inner.slice(1).trim()}{% endcomment %}`
    } else if (head === "#if" || head === "#unless") {
      stack.push({ block: head.slice(1) as Frame["block"] })
      out += `{% ${head.slice(1)} ${condition(name)} %}`
    } else if (head === "#each") {
      const kind = spec[name]
      stack.push({ block: "each", fields: typeof kind === "object" ? kind.list : undefined })
      out += `{% for ${LOOP_VARIABLE} in ${name} %}`
    } else if (inner === "else") {
      out += "{% else %}"
    } else if (head.startsWith("/")) {
      const frame = stack.pop()
      out += frame?.block === "each" ? "{% endfor %}" : `{% end${frame?.block ?? head.slice(1)} %}`
    } else {
      out += ref(inner) === inner ? match[0] : `{{ ${ref(inner)} }}`
    }
  }
  return out + literal(source.slice(offset))
}

export type StoredOverride = { template: string } & Partial<Record<TemplatePart, string | null>>

/**
 * The parts of a stored override (one database row) that need rewriting to
 * Liquid, or nothing when the row is already Liquid or names a template that
 * no longer exists (left for the admin to remove).
 */
export function liquidParts(row: StoredOverride): Partial<Record<TemplatePart, string>> | undefined {
  if (!isTemplateId(row.template)) {
    return undefined
  }
  const spec = TEMPLATES[row.template].variables
  const changed: Partial<Record<TemplatePart, string>> = {}
  for (const part of TEMPLATE_PARTS) {
    const source = row[part]
    if (typeof source === "string" && isLegacySyntax(source)) {
      changed[part] = legacyToLiquid(source, spec)
    }
  }
  return Object.keys(changed).length ? changed : undefined
}
