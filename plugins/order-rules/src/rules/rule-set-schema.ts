import { z } from "@medusajs/framework/zod"

// Shape only. Actors, guards and state references are plain strings here so the
// graph checks can report them with the transition they belong to.

export const STATE_ID_PATTERN = /^[a-z][a-z0-9_]{0,39}$/

export const stateIdSchema = z
  .string()
  .regex(
    STATE_ID_PATTERN,
    "must start with a lowercase letter and use only a-z, 0-9 and _ (at most 40 characters)"
  )

export const stateSchema = z.strictObject({
  id: stateIdSchema,
  label: z
    .string()
    .trim()
    .min(1, "must not be empty")
    .max(60, "must be at most 60 characters"),
  final: z.boolean().optional(),
  description: z.string().max(500, "must be at most 500 characters").optional(),
})

export const transitionSchema = z.strictObject({
  from: z.string().min(1, "must not be empty"),
  to: z.string().min(1, "must not be empty"),
  actors: z.array(z.string()).min(1, "must name at least one actor"),
  guards: z.array(z.string()).optional(),
  requiresReason: z.boolean().optional(),
})

export const ruleSetSchema = z.strictObject({
  initial: z.string().min(1, "must not be empty"),
  states: z.array(stateSchema).min(1, "must define at least one state"),
  transitions: z.array(transitionSchema),
})

export const transitionKeySchema = z.strictObject({
  from: z.string().min(1, "must not be empty"),
  to: z.string().min(1, "must not be empty"),
})

/** Turns zod issues into "states[2].label: must be at most 60 characters". */
export function formatIssues(issues: readonly z.core.$ZodIssue[]): string[] {
  return issues.map((issue) => `${formatPath(issue.path)}: ${issue.message}`)
}

function formatPath(path: readonly PropertyKey[]): string {
  if (path.length === 0) {
    return "rule set"
  }
  return path
    .map((part, index) => {
      if (typeof part === "number") {
        return `[${part}]`
      }
      return index === 0 ? String(part) : `.${String(part)}`
    })
    .join("")
}
