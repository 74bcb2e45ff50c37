import { model } from "@medusajs/framework/utils"

/** A customer's choices: no SMS, no email, and the language of their messages. */
export const NotificationPreference = model.define("soko_notification_preference", {
  id: model.id({ prefix: "snpref" }).primaryKey(),
  customer_id: model.text().unique(),
  sms_opt_out: model.boolean().default(false),
  email_opt_out: model.boolean().default(false),
  /** "en" or "sw"; null follows the order's locale or the store default. */
  locale: model.text().nullable(),
})
