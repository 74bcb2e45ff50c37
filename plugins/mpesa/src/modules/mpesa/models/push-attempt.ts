import { model } from "@medusajs/framework/utils"

/**
 * One request for an STK prompt, counted before Daraja is called, so limits
 * per phone and per cart hold across server instances.
 */
export const PushAttempt = model.define("mpesa_push_attempt", {
  id: model.id({ prefix: "mpa" }).primaryKey(),
  phone: model.text().index(),
  payment_collection_id: model.text().index(),
  client_key: model.text().nullable(),
})
