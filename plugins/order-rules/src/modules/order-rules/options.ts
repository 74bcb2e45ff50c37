import { z } from "@medusajs/framework/zod"
import { MedusaError } from "@medusajs/framework/utils"
import { DEFAULT_RULE_SET, mergeRuleSets, type RuleSet } from "../../rules"
import { formatIssues } from "../../rules/rule-set-schema"

const autoCancelUnpaidSchema = z.strictObject({
  /** @default true */
  enabled: z.boolean().default(true),
  /** Minutes after placement before an unpaid order is cancelled. @default 60 */
  afterMinutes: z.number().int().min(1).max(60 * 24 * 90).default(60),
  /**
   * Keep orders whose payment is authorized but not captured (card shops that
   * capture by hand later). @default false: "paid" means captured.
   */
  keepAuthorized: z.boolean().default(false),
  /** Orders handled per run; the next run takes the rest. @default 100 */
  batchSize: z.number().int().min(1).max(1000).default(100),
})

const autoCompleteDeliveredSchema = z.strictObject({
  /** @default true */
  enabled: z.boolean().default(true),
  /** Days after delivery before the order is completed. @default 7 */
  afterDays: z.number().min(0).max(365).default(7),
  /** @default 100 */
  batchSize: z.number().int().min(1).max(1000).default(100),
})

const trackingSchema = z.strictObject({
  /** Tracking attempts allowed per client address in a window (never per order number, which would let strangers lock an order out). @default 10 */
  maxAttempts: z.number().int().min(1).max(10_000).default(10),
  /** Window length in seconds. @default 900 */
  windowSeconds: z.number().int().min(1).max(86_400).default(900),
})

/**
 * Plugin options. Unknown top-level keys are ignored because Medusa passes its
 * own (e.g. `database`) to plugin modules; nested objects are strict.
 */
export const orderRulesOptionsSchema = z.object({
  /** A patch over the default rule set (see rules/README.md: mergeRuleSets). */
  rules: z.unknown().optional(),
  autoCancelUnpaid: autoCancelUnpaidSchema.prefault({}),
  autoCompleteDelivered: autoCompleteDeliveredSchema.prefault({}),
  tracking: trackingSchema.prefault({}),
})

export type OrderRulesOptionsInput = z.input<typeof orderRulesOptionsSchema>

export type OrderRulesOptions = Omit<
  z.output<typeof orderRulesOptionsSchema>,
  "rules"
> & {
  /** The defaults with the `rules` option applied and validated. */
  ruleSet: RuleSet
}

/** Reads and validates plugin options; throws INVALID_DATA naming every problem. */
export function parseOrderRulesOptions(raw: unknown): OrderRulesOptions {
  const parsed = orderRulesOptionsSchema.safeParse(raw ?? {})
  if (!parsed.success) {
    throw invalid(formatIssues(parsed.error.issues))
  }
  const { rules, ...rest } = parsed.data
  const merged = mergeRuleSets(DEFAULT_RULE_SET, rules)
  if (!merged.ok) {
    throw invalid(merged.errors.map((e) => `rules: ${e}`))
  }
  return { ...rest, ruleSet: merged.ruleSet }
}

function invalid(errors: string[]): MedusaError {
  return new MedusaError(
    MedusaError.Types.INVALID_DATA,
    `Invalid @soko/medusa-plugin-order-rules options: ${errors.join("; ")}`
  )
}
