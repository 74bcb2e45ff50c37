"use server"

import { getTranslations } from "next-intl/server"
import { localizedHref, toLocale } from "@/i18n/locales"
import { safeNextPath } from "../util/redirect"
import { goTo } from "./action-result"
import type { ActionState } from "./action-state"
import { getAuthToken, setLocaleCookie } from "./cookies"
import { saveNotificationPreferences } from "./notification-preferences"

/**
 * The header's language switch: remembers the choice in a cookie and, for a
 * signed-in member, in their notification preferences, so order messages come
 * in the same language. Then shows the same page in that language.
 */
export async function switchLanguage(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const locale = toLocale(String(formData.get("locale") ?? ""))
  const path = safeNextPath(String(formData.get("path") ?? "/"), "/")
  if (!locale) {
    return goTo(path)
  }
  await setLocaleCookie(locale)
  if (await getAuthToken()) {
    try {
      await saveNotificationPreferences({ locale })
    } catch {
      const t = await getTranslations({ locale, namespace: "language" })
      return { error: t("profileNotSaved") }
    }
  }
  return goTo(localizedHref(path, locale), { refreshLayout: true })
}
