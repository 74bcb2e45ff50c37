/** A validator either normalises a request or names the first invalid field. */
export type Validation<T> = { ok: true; value: T } | { ok: false; field: string }

export const invalid = (field: string): { ok: false; field: string } => ({ ok: false, field })

/** Request bodies must be JSON objects; anything else has no fields at all. */
export const fieldsOf = (body: unknown): Record<string, unknown> =>
  body !== null && typeof body === "object" && !Array.isArray(body)
    ? (body as Record<string, unknown>)
    : {}
