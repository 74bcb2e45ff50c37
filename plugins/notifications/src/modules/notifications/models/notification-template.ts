import { model } from "@medusajs/framework/utils"

/**
 * A merchant's override of a built-in template in one locale, saved from the
 * admin. Parts left null keep the built-in (or options) text. Validated on
 * save: unknown variables and broken markup never reach this table.
 */
export const NotificationTemplate = model
  .define("soko_notification_template", {
    id: model.id({ prefix: "sntpl" }).primaryKey(),
    template: model.text(),
    locale: model.text(),
    subject: model.text().nullable(),
    html: model.text().nullable(),
    text: model.text().nullable(),
    sms: model.text().nullable(),
  })
  .indexes([{ on: ["template", "locale"], unique: true, where: "deleted_at IS NULL" }])
