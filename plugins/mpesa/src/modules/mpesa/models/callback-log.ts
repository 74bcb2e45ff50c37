import { model } from "@medusajs/framework/utils"

/**
 * Every callback Daraja (or anyone) POSTs, kept as received, including the
 * ones that match nothing: a merchant can see spoofed or stray callbacks.
 */
export const CallbackLog = model.define("mpesa_callback_log", {
  id: model.id({ prefix: "mcb" }).primaryKey(),
  kind: model.enum(["stk", "reversal", "b2c", "status", "unknown"]).default("stk"),
  checkout_request_id: model.text().index().nullable(),
  matched: model.boolean().default(false),
  outcome: model.text(),
  detail: model.text().nullable(),
  body: model.json().nullable(),
})
