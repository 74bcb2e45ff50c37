import { z } from "@medusajs/framework/zod"

/**
 * Body of POST /admin/order-rules and /admin/order-rules/validate. The rule set
 * itself is checked by the rules engine, whose messages name the state or
 * transition at fault.
 */
export const PostAdminOrderRules = z.strictObject({
  rule_set: z.record(z.string(), z.unknown()),
  /** The version the admin loaded; a save over a newer one is refused. */
  expected_version: z.number().int().min(0).optional(),
})

export type PostAdminOrderRulesType = z.infer<typeof PostAdminOrderRules>

export const PostAdminValidateOrderRules = PostAdminOrderRules.pick({ rule_set: true })
