import { z } from "@medusajs/framework/zod"
import { MedusaError } from "@medusajs/framework/utils"

/** "Option `apiKey`": how every options error starts, so it names what to fix. */
export const opt = (name: string) => `Option \`${name}\``

/** Env variables often arrive as "" when unset: blank counts as not set. */
export const blankToUndefined = (value: unknown) =>
  typeof value === "string" && value.trim() === "" ? undefined : value

export const requiredString = (name: string) =>
  z.preprocess(
    blankToUndefined,
    z
      .string({
        error: (issue) =>
          issue.input === undefined || issue.input === null
            ? `${opt(name)} is required`
            : `${opt(name)} must be a string`,
      })
      .trim()
  )

export const optionalString = (name: string) =>
  z.preprocess(blankToUndefined, z.string({ error: `${opt(name)} must be a string` }).trim().optional())

const isHttpUrl = (value: string) => {
  try {
    return ["http:", "https:"].includes(new URL(value).protocol)
  } catch {
    return false
  }
}

export const optionalUrl = (name: string) =>
  z.preprocess(
    blankToUndefined,
    z
      .string({ error: `${opt(name)} must be a string` })
      .trim()
      .refine(isHttpUrl, { error: `${opt(name)} must be an absolute http(s) URL` })
      .transform((value) => value.replace(/\/+$/, ""))
      .optional()
  )

export const integer = (name: string, min: number, max: number, fallback: number) =>
  z.preprocess(
    (value) => {
      const blank = blankToUndefined(value)
      return typeof blank === "string" && /^\s*\d+\s*$/.test(blank) ? Number(blank) : blank
    },
    z
      .number({ error: `${opt(name)} must be a whole number from ${min} to ${max}` })
      .int({ error: `${opt(name)} must be a whole number from ${min} to ${max}` })
      .min(min, { error: `${opt(name)} must be a whole number from ${min} to ${max}` })
      .max(max, { error: `${opt(name)} must be a whole number from ${min} to ${max}` })
      .default(fallback)
  )

/** Medusa's own `channels` option, read by the notification module loader. */
export const channels = (allowed: readonly string[], fallback: string[]) =>
  z
    .array(
      z.enum(allowed as [string, ...string[]], {
        error: `${opt("channels")} may only contain ${allowed.map((c) => `"${c}"`).join(", ")}`,
      }),
      { error: `${opt("channels")} must be a list such as ["${fallback[0]}"]` }
    )
    .min(1, { error: `${opt("channels")} must name at least one channel` })
    .default(fallback)

/**
 * Parses provider options with a zod schema and throws one
 * MedusaError(INVALID_DATA) naming every bad option, prefixed by the
 * provider's name. Option values are never echoed (several are secrets).
 */
export function parseOptions<T extends z.ZodType>(provider: string, schema: T, raw: unknown): z.output<T> {
  if (typeof raw !== "object" || raw === null || Array.isArray(raw)) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, `${provider} provider options must be an object`)
  }
  const result = schema.safeParse(raw)
  if (!result.success) {
    const messages = result.error.issues.map((issue) => {
      const name = String(issue.path[0] ?? "options")
      return issue.message.startsWith("Option `") ? issue.message : `${opt(name)} is invalid: ${issue.message}`
    })
    throw new MedusaError(
      MedusaError.Types.INVALID_DATA,
      `${provider} provider: ${[...new Set(messages)].join("; ")}`
    )
  }
  return result.data
}
