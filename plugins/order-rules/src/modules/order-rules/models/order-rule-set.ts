import { model } from "@medusajs/framework/utils"

/**
 * Rule sets saved in admin, one row per save. The highest version is in force;
 * `rule_set` null means "back to the plugin's defaults and options".
 */
export const OrderRuleSet = model.define("order_rule_set", {
  id: model.id({ prefix: "ors" }).primaryKey(),
  version: model.number().unique(),
  rule_set: model.json().nullable(),
  created_by: model.text().nullable(),
})
