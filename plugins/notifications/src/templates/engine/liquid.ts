import { Liquid } from "liquidjs"
import { escapeHtml } from "./escape"

export type RenderMode = "html" | "text"

/** Longest template source accepted (characters); the API refuses bigger bodies too. */
export const MAX_TEMPLATE_LENGTH = 100_000

/**
 * The tags a merchant may use. Everything that reads other files (include,
 * render, layout, block), prints without escaping (echo, liquid) or only adds
 * surface (tablerow, cycle, increment, decrement) is removed.
 */
export const ALLOWED_TAGS = [
  "if",
  "unless",
  "case",
  "for",
  "break",
  "continue",
  "assign",
  "capture",
  "comment",
  "#",
  "raw",
] as const

/** Filters removed: `raw` would print a value without HTML escaping. */
const REMOVED_FILTERS = ["raw"]

const toText = (value: unknown): string =>
  value === undefined || value === null ? "" : typeof value === "string" ? value : String(value)

/**
 * One locked-down Liquid per render mode (liquidjs fixes the output escaping
 * when it parses, so HTML and plain text need their own instance):
 * no file system (a lookup of any file fails: `templates` is empty and the
 * tags that would use it are gone), strict variables and filters, own
 * properties only (no `constructor`, no prototype), and limits so a loop over
 * `(1..100000000)` or a huge string stops with an error instead of holding
 * the worker. `jsTruthy`: "" and 0 are false, as in the templates before
 * Liquid (`{% if failure_reason %}` hides an empty reason).
 */
function lockedDown(mode: RenderMode): Liquid {
  const liquid = new Liquid({
    templates: {},
    relativeReference: false,
    dynamicPartials: false,
    strictVariables: true,
    strictFilters: true,
    ownPropertyOnly: true,
    jsTruthy: true,
    outputEscape: mode === "html" ? (value: unknown) => escapeHtml(toText(value)) : undefined,
    parseLimit: MAX_TEMPLATE_LENGTH,
    renderLimit: 2_000,
    memoryLimit: 1_000_000,
  })
  for (const tag of Object.keys(liquid.tags)) {
    if (!(ALLOWED_TAGS as readonly string[]).includes(tag)) {
      delete liquid.tags[tag]
    }
  }
  for (const filter of REMOVED_FILTERS) {
    delete liquid.filters[filter]
  }
  return liquid
}

export const LIQUID: Record<RenderMode, Liquid> = { html: lockedDown("html"), text: lockedDown("text") }
