import { z } from "@medusajs/framework/zod"
import { CHANNELS, LOCALES, TEMPLATE_IDS } from "../templates/catalog"
import { MESSAGE_STATUSES } from "../modules/notifications/models"

const csv = <T extends string>(values: readonly T[], name: string) =>
  z.preprocess(
    (value) => (typeof value === "string" ? value.split(",").map((v) => v.trim()).filter(Boolean) : value),
    z
      .array(z.enum(values as unknown as [T, ...T[]], { error: `${name} must be one of ${values.join(", ")}` }))
      .optional()
  )

export const AdminListNotificationLog = z.object({
  order_id: z.string().trim().min(1).optional(),
  customer_id: z.string().trim().min(1).optional(),
  channel: csv(CHANNELS, "channel"),
  status: csv(MESSAGE_STATUSES, "status"),
  template: csv(TEMPLATE_IDS, "template"),
  /** Part of a recipient address. */
  q: z.string().trim().min(1).max(200).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).default(0),
})
export type AdminListNotificationLogType = z.infer<typeof AdminListNotificationLog>

const part = z.string().max(100_000).nullable().optional()

export const AdminSaveNotificationTemplate = z
  .object({ subject: part, html: part, text: part, sms: part })
  .strict()
export type AdminSaveNotificationTemplateType = z.infer<typeof AdminSaveNotificationTemplate>

export const AdminPreviewNotificationTemplate = z
  .object({
    template: z.enum(TEMPLATE_IDS, { error: `template must be one of ${TEMPLATE_IDS.join(", ")}` }),
    locale: z.enum(LOCALES, { error: `locale must be one of ${LOCALES.join(", ")}` }),
    channel: z.enum(CHANNELS, { error: `channel must be one of ${CHANNELS.join(", ")}` }),
    /** Unsaved edits to preview; unset parts use what is in effect. */
    overrides: AdminSaveNotificationTemplate.optional(),
    /** Render with this order's data instead of sample data. */
    order_id: z.string().trim().min(1).optional(),
  })
  .strict()
export type AdminPreviewNotificationTemplateType = z.infer<typeof AdminPreviewNotificationTemplate>

export const NotificationPreferencesBody = z
  .object({
    sms_opt_out: z.boolean().optional(),
    email_opt_out: z.boolean().optional(),
    locale: z.enum(LOCALES, { error: `locale must be one of ${LOCALES.join(", ")}` }).nullable().optional(),
  })
  .strict()
export type NotificationPreferencesBodyType = z.infer<typeof NotificationPreferencesBody>
