import { z } from "@medusajs/framework/zod"
import {
  formatIssues,
  stateIdSchema,
  stateSchema,
  transitionKeySchema,
  transitionSchema,
} from "./rule-set-schema"
import type { RuleSet } from "./types"
import { validateRuleSet, type ValidateRuleSetResult } from "./validate-rule-set"

/**
 * A merchant's changes to a rule set (plugin options or admin). Entries replace
 * whole definitions with the same id (states) or from/to (transitions), so the
 * result never mixes old and new fields.
 */
export const ruleSetPatchSchema = z.strictObject({
  initial: z.string().min(1, "must not be empty").optional(),
  states: z.array(stateSchema).optional(),
  transitions: z.array(transitionSchema).optional(),
  /** Default transitions to drop; applied before `transitions`, so a pair can be replaced. */
  remove: z.array(transitionKeySchema).optional(),
  /** States to drop, with every transition into or out of them. */
  removeStates: z.array(stateIdSchema).optional(),
})

export type RuleSetPatch = z.input<typeof ruleSetPatchSchema>

/** Applies a merchant's patch to a base rule set and validates the result as a whole. */
export function mergeRuleSets(
  base: RuleSet,
  custom: unknown
): ValidateRuleSetResult {
  const parsed = ruleSetPatchSchema.safeParse(custom ?? {})
  if (!parsed.success) {
    return {
      ok: false,
      errors: formatIssues(parsed.error.issues).map((e) =>
        e.replace(/^rule set:/, "custom rules:")
      ),
    }
  }
  const patch = parsed.data
  const errors: string[] = []
  const dropped = new Set(patch.removeStates ?? [])
  for (const id of dropped) {
    if (!base.states.some((s) => s.id === id)) {
      errors.push(`cannot remove state "${id}": it is not in the rule set`)
    }
  }
  let transitions: { from: string; to: string }[] = base.transitions.filter(
    (t) => !dropped.has(t.from) && !dropped.has(t.to)
  )
  for (const key of patch.remove ?? []) {
    const index = transitions.findIndex(
      (t) => t.from === key.from && t.to === key.to
    )
    if (index === -1) {
      errors.push(
        `cannot remove transition ${key.from} → ${key.to}: it is not in the rule set`
      )
    } else {
      transitions = transitions.filter((_, i) => i !== index)
    }
  }
  if (errors.length > 0) {
    return { ok: false, errors }
  }
  return validateRuleSet({
    initial: patch.initial ?? base.initial,
    states: upsert(
      base.states.filter((s) => !dropped.has(s.id)),
      patch.states ?? [],
      (s) => s.id
    ),
    transitions: upsert(
      transitions,
      patch.transitions ?? [],
      (t) => `${t.from} → ${t.to}`
    ),
  })
}

// Replaces in place so the base order (which drives admin button order) survives.
function upsert<T>(base: T[], additions: T[], key: (item: T) => string): T[] {
  const result = [...base]
  for (const item of additions) {
    const index = result.findIndex((existing) => key(existing) === key(item))
    if (index === -1) {
      result.push(item)
    } else {
      result[index] = item
    }
  }
  return result
}
