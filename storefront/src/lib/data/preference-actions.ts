"use server"

import { getTranslations } from "next-intl/server"
import { toLocale } from "@/i18n/locales"
import { refreshed } from "./action-result"
import type { ActionState } from "./action-state"
import { saveNotificationPreferences } from "./notification-preferences"

/** The account page's "Order messages": SMS on or off, and their language (or none: follow the shop). */
export async function updateMessagePreferences(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const t = await getTranslations("preferences")
  try {
    await saveNotificationPreferences({
      sms_opt_out: formData.get("sms") !== "on",
      locale: toLocale(String(formData.get("locale") ?? "")) ?? null,
    })
  } catch {
    return { error: t("failed") }
  }
  return refreshed({ ok: true, message: t("saved") })
}
