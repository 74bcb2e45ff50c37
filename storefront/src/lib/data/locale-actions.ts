"use server"

import { getTranslations } from "next-intl/server"
import { contentLocale, localizedHref, toLocale } from "@/i18n/locales"
import { safeNextPath } from "../util/redirect"
import { goTo } from "./action-result"
import type { ActionState } from "./action-state"
import { authHeaders, getAuthToken, getCartId, setLocaleCookie } from "./cookies"
import { storeFetch } from "./fetch"
import { saveNotificationPreferences } from "./notification-preferences"

/**
 * The header's language switch: remembers the choice in a cookie and, for a
 * signed-in member, in their notification preferences, so order messages come
 * in the same language, and on the open cart, whose items Medusa then titles
 * in it (and whose order's messages a guest then gets in it). Then shows the
 * same page in that language.
 */
export async function switchLanguage(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const locale = toLocale(String(formData.get("locale") ?? ""))
  const path = safeNextPath(String(formData.get("path") ?? "/"), "/")
  if (!locale) {
    return goTo(path)
  }
  await setLocaleCookie(locale)
  const cartId = await getCartId()
  if (cartId) {
    // Best effort: a cart that is gone or already an order keeps its language; the add-to-cart and address steps catch up.
    await storeFetch(`/store/carts/${cartId}`, {
      method: "POST",
      body: { locale: contentLocale(locale), metadata: { locale } },
      query: { fields: "id" },
      headers: await authHeaders(),
    }).catch(() => undefined)
  }
  if (await getAuthToken()) {
    try {
      await saveNotificationPreferences({ locale })
    } catch {
      const t = await getTranslations({ locale, namespace: "language" })
      return { error: t("profileNotSaved") }
    }
  }
  return goTo(localizedHref(path, locale))
}
