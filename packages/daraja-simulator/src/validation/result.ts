/** A validator either normalises a request or names the first invalid field. */
export type Validation<T> = { ok: true; value: T } | { ok: false; field: string }

export const invalid = (field: string): { ok: false; field: string } => ({ ok: false, field })

/** Request bodies must be JSON objects; anything else has no fields at all. */
export const fieldsOf = (body: unknown): Record<string, unknown> =>
  body !== null && typeof body === "object" && !Array.isArray(body)
    ? (body as Record<string, unknown>)
    : {}

/**
 * One field's rule: the body key Daraja names when it is wrong, and the check
 * that normalises it (undefined = invalid). `false` third checks a field the
 * request does not keep, such as the opaque SecurityCredential.
 */
export type FieldCheck = readonly [
  field: string,
  check: (value: unknown, body: Record<string, unknown>) => unknown,
  keep?: false,
]

export type FieldChecks = Record<string, FieldCheck>

type Checked<C extends FieldChecks> = {
  [K in keyof C as C[K] extends readonly [string, unknown, false] ? never : K]: Exclude<
    ReturnType<C[K][1]>,
    undefined
  >
}

/** Runs the checks in their written order, so the first invalid field is the one Daraja would report. */
export const checkFields = <C extends FieldChecks>(body: unknown, checks: C): Validation<Checked<C>> => {
  const fields = fieldsOf(body)
  const value: Record<string, unknown> = {}
  for (const [name, [field, check, keep]] of Object.entries(checks)) {
    const checked = check(fields[field], fields)
    if (checked === undefined) {
      return invalid(field)
    }
    if (keep !== false) {
      value[name] = checked
    }
  }
  return { ok: true, value: value as Checked<C> }
}
