"use server"

import { getTranslations } from "next-intl/server"
import { toLocale } from "@/i18n/locales"
import { readAddress, toStoreAddress, validateAddress } from "../checkout"
import { sdk } from "../sdk"
import { shopperMessage, statusOf } from "../util/errors"
import { safeNextPath } from "../util/redirect"
import { normalizeKenyanPhone } from "../util/phone"
import { goTo, refreshed } from "./action-result"
import type { ActionState } from "./action-state"
import { forwardedFor } from "./client-address"
import { authHeaders, clearAuthToken, clearCartId, getCartId, setAuthToken, setLocaleCookie } from "./cookies"
import { storeFetch } from "./fetch"
import { getNotificationPreferences } from "./notification-preferences"
import { withRetry } from "./retry"
import { listCountries } from "./regions"

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/
const MIN_PASSWORD = 8


/** The words for this file's answers, in the shopper's language. */
async function words() {
  const [t, errors, address] = await Promise.all([
    getTranslations("accountActions"),
    getTranslations("errors"),
    getTranslations("addressErrors"),
  ])
  return { t, errors, address }
}

/** A member who chose a language (on another device, or for their messages) gets the shop in it too. */
async function adoptSavedLanguage(token: string) {
  const saved = await getNotificationPreferences(token).catch(() => null)
  const locale = toLocale(saved?.locale)
  if (locale) {
    await setLocaleCookie(locale)
  }
}

/** A guest cart becomes the shopper's when they sign in. */
async function claimCart(token: string) {
  const cartId = await getCartId()
  if (!cartId) {
    return
  }
  await storeFetch(`/store/carts/${cartId}/customer`, {
    method: "POST",
    query: { fields: "id" },
    headers: { authorization: `Bearer ${token}` },
  }).catch(() => undefined)
}

/**
 * The /auth routes through the js-sdk's client rather than `sdk().auth`, which
 * takes no headers: the backend limits sign-in attempts per shopper address.
 */
async function authPost<T>(path: string, body: Record<string, unknown>): Promise<T> {
  const headers = await forwardedFor()
  return withRetry(() => sdk().client.fetch<T>(path, { method: "POST", body, headers }), { idempotent: false })
}

async function signIn(email: string, password: string): Promise<string> {
  const result = await authPost<{ token?: string; location?: string; mfa_challenge?: unknown; verification_required?: boolean }>(
    "/auth/customer/emailpass",
    { email, password }
  )
  if (typeof result.token !== "string" || result.location || result.mfa_challenge || result.verification_required) {
    throw new Error("This sign-in needs another step that this shop doesn't support yet.")
  }
  return result.token
}

export async function login(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const { t, errors } = await words()
  const country = String(formData.get("country") ?? "ke")
  const email = String(formData.get("email") ?? "").trim().toLowerCase()
  const password = String(formData.get("password") ?? "")
  if (!EMAIL.test(email) || !password) {
    return {
      error: t("enterEmailPassword"),
      fields: {
        ...(!EMAIL.test(email) ? { email: t("enterRegisteredEmail") } : {}),
        ...(!password ? { password: t("enterPassword") } : {}),
      },
    }
  }
  try {
    const token = await signIn(email, password)
    await setAuthToken(token)
    await claimCart(token)
    await adoptSavedLanguage(token)
  } catch (error) {
    return { error: shopperMessage(error, t("signInFailed"), errors) }
  }
  return goTo(safeNextPath(formData.get("next"), `/${country}/account`))
}

export async function register(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const { t, errors, address: addressWords } = await words()
  const country = String(formData.get("country") ?? "ke")
  const email = String(formData.get("email") ?? "").trim().toLowerCase()
  const password = String(formData.get("password") ?? "")
  const first_name = String(formData.get("first_name") ?? "").trim()
  const last_name = String(formData.get("last_name") ?? "").trim()
  const rawPhone = String(formData.get("phone") ?? "").trim()
  const phone = rawPhone ? normalizeKenyanPhone(rawPhone) : null
  const fields: Record<string, string> = {}
  if (!first_name) {
    fields.first_name = addressWords("firstName")
  }
  if (!last_name) {
    fields.last_name = addressWords("lastName")
  }
  if (!EMAIL.test(email)) {
    fields.email = t("enterEmail")
  }
  if (rawPhone && !phone) {
    fields.phone = t("phoneOptional")
  }
  if (password.length < MIN_PASSWORD) {
    fields.password = t("passwordLength", { min: MIN_PASSWORD })
  }
  if (Object.keys(fields).length) {
    return { error: addressWords("checkFields"), fields }
  }
  try {
    const { token: registration } = await authPost<{ token: string }>("/auth/customer/emailpass/register", { email, password })
    await storeFetch("/store/customers", {
      method: "POST",
      body: { email, first_name, last_name, ...(phone ? { phone: `+${phone}` } : {}) },
      query: { fields: "id" },
      headers: { authorization: `Bearer ${registration}` },
    })
    const token = await signIn(email, password)
    await setAuthToken(token)
    await claimCart(token)
  } catch (error) {
    return { error: shopperMessage(error, t("registerFailed"), errors) }
  }
  return goTo(safeNextPath(formData.get("next"), `/${country}/account`))
}

export async function logout(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const country = String(formData.get("country") ?? "ke")
  await clearAuthToken()
  // The cart belongs to the account now; the next visitor on this device starts fresh.
  await clearCartId()
  return goTo(`/${country}/account/login`)
}

export async function requestPasswordReset(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const { t, errors } = await words()
  const email = String(formData.get("email") ?? "").trim().toLowerCase()
  if (!EMAIL.test(email)) {
    return { error: t("enterAccountEmail"), fields: { email: t("enterAccountEmail") } }
  }
  try {
    await authPost("/auth/customer/emailpass/reset-password", { identifier: email })
  } catch (error) {
    // Unknown emails answer the same way, so the form never tells who has an account.
    if (statusOf(error) !== 404 && statusOf(error) !== 401) {
      return { error: shopperMessage(error, t("emailFailed"), errors) }
    }
  }
  return { ok: true, message: t("resetSent", { email }) }
}

export async function resetPassword(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const { t, errors } = await words()
  const country = String(formData.get("country") ?? "ke")
  const token = String(formData.get("token") ?? "")
  const email = String(formData.get("email") ?? "").trim().toLowerCase()
  const password = String(formData.get("password") ?? "")
  if (password.length < MIN_PASSWORD) {
    return { error: t("longerPassword"), fields: { password: t("passwordLength", { min: MIN_PASSWORD }) } }
  }
  try {
    await sdk().auth.updateProvider("customer", "emailpass", { email, password }, token)
  } catch (error) {
    const status = statusOf(error)
    return {
      error:
        status === 401 || status === 400
          ? t("linkExpired")
          : shopperMessage(error, t("passwordFailed"), errors),
    }
  }
  return goTo(`/${country}/account/login?reset=1`)
}

export async function updateProfile(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const { t, errors, address: addressWords } = await words()
  const first_name = String(formData.get("first_name") ?? "").trim()
  const last_name = String(formData.get("last_name") ?? "").trim()
  const rawPhone = String(formData.get("phone") ?? "").trim()
  const phone = rawPhone ? normalizeKenyanPhone(rawPhone) : null
  const fields: Record<string, string> = {}
  if (!first_name) {
    fields.first_name = addressWords("firstName")
  }
  if (!last_name) {
    fields.last_name = addressWords("lastName")
  }
  if (rawPhone && !phone) {
    fields.phone = t("phone")
  }
  if (Object.keys(fields).length) {
    return { error: addressWords("checkFields"), fields }
  }
  try {
    await storeFetch("/store/customers/me", {
      method: "POST",
      body: { first_name, last_name, phone: phone ? `+${phone}` : "" },
      query: { fields: "id" },
      headers: await authHeaders(),
    })
  } catch (error) {
    return { error: shopperMessage(error, t("profileFailed"), errors) }
  }
  return refreshed({ ok: true, message: t("saved") })
}

export async function saveCustomerAddress(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const { t, errors, address: addressWords } = await words()
  const country = String(formData.get("country") ?? "ke")
  const addressId = String(formData.get("address_id") ?? "")
  const address = readAddress(formData)
  const countries = (await listCountries()).map((c) => c.code)
  const fields = validateAddress(address, { requireEmail: false, countries }, addressWords)
  if (Object.keys(fields).length) {
    return { error: addressWords("checkFields"), fields }
  }
  const body = { ...toStoreAddress(address), ...(formData.get("is_default") === "on" ? { is_default_shipping: true, is_default_billing: true } : {}) }
  try {
    await storeFetch(addressId ? `/store/customers/me/addresses/${addressId}` : "/store/customers/me/addresses", {
      method: "POST",
      body,
      query: { fields: "id" },
      headers: await authHeaders(),
    })
  } catch (error) {
    return { error: shopperMessage(error, t("addressFailed"), errors) }
  }
  return goTo(`/${country}/account/addresses`)
}

export async function deleteCustomerAddress(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const { t, errors } = await words()
  const addressId = String(formData.get("address_id") ?? "")
  if (addressId) {
    try {
      await storeFetch(`/store/customers/me/addresses/${addressId}`, { method: "DELETE", headers: await authHeaders() })
    } catch (error) {
      return { error: shopperMessage(error, t("addressRemoveFailed"), errors) }
    }
  }
  return refreshed({ ok: true })
}
