import "server-only"
import type { Locale } from "@/i18n/locales"
import { authHeaders } from "./cookies"
import { storeFetch } from "./fetch"

/**
 * A member's message settings, kept by the notifications plugin
 * (GET/POST /store/customers/me/notification-preferences). Its `locale` is the
 * first thing the plugin reads to pick the language of order messages.
 */
export type NotificationPreferences = {
  sms_opt_out: boolean
  email_opt_out: boolean
  /** null: follow the order's language or the shop default. */
  locale: Locale | null
}

/** The member's preferences (by the session's token, or `token` just after signing in); null for guests. */
export async function getNotificationPreferences(token?: string): Promise<NotificationPreferences | null> {
  const headers = token ? { authorization: `Bearer ${token}` } : await authHeaders()
  if (!headers.authorization) {
    return null
  }
  const { notification_preferences } = await storeFetch<{ notification_preferences: NotificationPreferences }>(
    "/store/customers/me/notification-preferences",
    { headers }
  )
  return notification_preferences
}

export async function saveNotificationPreferences(changes: Partial<NotificationPreferences>): Promise<NotificationPreferences> {
  const { notification_preferences } = await storeFetch<{ notification_preferences: NotificationPreferences }>(
    "/store/customers/me/notification-preferences",
    { method: "POST", body: changes, headers: await authHeaders() }
  )
  return notification_preferences
}
