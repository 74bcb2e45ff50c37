import type { VariableSpec } from "./check-variables"

export type TemplateData = Record<string, unknown>

const own = (record: unknown, key: string): unknown =>
  record && typeof record === "object" && Object.prototype.hasOwnProperty.call(record, key)
    ? (record as Record<string, unknown>)[key]
    : undefined

/** Strings, numbers and booleans print; anything else (objects, null, missing) is "". */
const plain = (value: unknown): string | number | boolean =>
  typeof value === "string" || typeof value === "number" || typeof value === "boolean" ? value : ""

/**
 * The data a template sees: exactly the names of its spec, each present
 * (a missing value is "" so strict variables only ever catch typos, which the
 * save-time check already refused), only own properties, and no object that
 * could run code when printed (a `toString` of ours or of a customer's).
 * A list that is not an array is empty.
 */
export function templateScope(data: TemplateData, spec: VariableSpec): TemplateData {
  const scope: TemplateData = {}
  for (const [name, kind] of Object.entries(spec)) {
    const value = own(data, name)
    if (kind === "value") {
      scope[name] = plain(value)
      continue
    }
    const items = Array.isArray(value) ? value : []
    scope[name] = items.map((item) =>
      Object.fromEntries(Object.keys(kind.list).map((field) => [field, plain(own(item, field))]))
    )
  }
  return scope
}
