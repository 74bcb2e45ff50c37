import type NotificationsModuleService from "../../modules/notifications/service"

/** Saved preferences, or the defaults (everything on, language from the order or store). */
export async function preferencesOf(service: NotificationsModuleService, customerId: string) {
  const [saved] = await service.listNotificationPreferences({ customer_id: customerId })
  return {
    customer_id: customerId,
    sms_opt_out: saved?.sms_opt_out ?? false,
    email_opt_out: saved?.email_opt_out ?? false,
    locale: saved?.locale ?? null,
    updated_at: saved?.updated_at ?? null,
  }
}
