"use server"

import { readAddress, toStoreAddress, validateAddress } from "../checkout"
import { sdk } from "../sdk"
import { shopperMessage, statusOf } from "../util/errors"
import { safeNextPath } from "../util/redirect"
import { normalizeKenyanPhone } from "../util/phone"
import { goTo } from "./action-result"
import type { ActionState } from "./action-state"
import { forwardedFor } from "./client-address"
import { authHeaders, clearAuthToken, clearCartId, getCartId, setAuthToken } from "./cookies"
import { storeFetch } from "./fetch"
import { withRetry } from "./retry"
import { listCountries } from "./regions"

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/
const MIN_PASSWORD = 8


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
  const country = String(formData.get("country") ?? "ke")
  const email = String(formData.get("email") ?? "").trim().toLowerCase()
  const password = String(formData.get("password") ?? "")
  if (!EMAIL.test(email) || !password) {
    return {
      error: "Enter your email and password.",
      fields: {
        ...(!EMAIL.test(email) ? { email: "Enter the email you registered with." } : {}),
        ...(!password ? { password: "Enter your password." } : {}),
      },
    }
  }
  try {
    const token = await signIn(email, password)
    await setAuthToken(token)
    await claimCart(token)
  } catch (error) {
    return { error: shopperMessage(error, "We couldn't sign you in. Check your email and password.") }
  }
  return goTo(safeNextPath(formData.get("next"), `/${country}/account`), { refreshLayout: true })
}

export async function register(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const country = String(formData.get("country") ?? "ke")
  const email = String(formData.get("email") ?? "").trim().toLowerCase()
  const password = String(formData.get("password") ?? "")
  const first_name = String(formData.get("first_name") ?? "").trim()
  const last_name = String(formData.get("last_name") ?? "").trim()
  const rawPhone = String(formData.get("phone") ?? "").trim()
  const phone = rawPhone ? normalizeKenyanPhone(rawPhone) : null
  const fields: Record<string, string> = {}
  if (!first_name) {
    fields.first_name = "Enter your first name."
  }
  if (!last_name) {
    fields.last_name = "Enter your last name."
  }
  if (!EMAIL.test(email)) {
    fields.email = "Enter your email, like name@example.com."
  }
  if (rawPhone && !phone) {
    fields.phone = "Enter a Kenyan mobile number like 0712 345 678, or leave it empty."
  }
  if (password.length < MIN_PASSWORD) {
    fields.password = `Use at least ${MIN_PASSWORD} characters.`
  }
  if (Object.keys(fields).length) {
    return { error: "Check the highlighted fields.", fields }
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
    return { error: shopperMessage(error, "We couldn't create your account. Please try again.") }
  }
  return goTo(safeNextPath(formData.get("next"), `/${country}/account`), { refreshLayout: true })
}

export async function logout(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const country = String(formData.get("country") ?? "ke")
  await clearAuthToken()
  // The cart belongs to the account now; the next visitor on this device starts fresh.
  await clearCartId()
  return goTo(`/${country}/account/login`, { refreshLayout: true })
}

export async function requestPasswordReset(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const email = String(formData.get("email") ?? "").trim().toLowerCase()
  if (!EMAIL.test(email)) {
    return { error: "Enter the email of your account.", fields: { email: "Enter the email of your account." } }
  }
  try {
    await authPost("/auth/customer/emailpass/reset-password", { identifier: email })
  } catch (error) {
    // Unknown emails answer the same way, so the form never tells who has an account.
    if (statusOf(error) !== 404 && statusOf(error) !== 401) {
      return { error: shopperMessage(error, "We couldn't send the email. Please try again.") }
    }
  }
  return { ok: true, message: `If ${email} has an account, we've sent it a link to choose a new password. It works for 15 minutes.` }
}

export async function resetPassword(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const country = String(formData.get("country") ?? "ke")
  const token = String(formData.get("token") ?? "")
  const email = String(formData.get("email") ?? "").trim().toLowerCase()
  const password = String(formData.get("password") ?? "")
  if (password.length < MIN_PASSWORD) {
    return { error: "Choose a longer password.", fields: { password: `Use at least ${MIN_PASSWORD} characters.` } }
  }
  try {
    await sdk().auth.updateProvider("customer", "emailpass", { email, password }, token)
  } catch (error) {
    const status = statusOf(error)
    return {
      error:
        status === 401 || status === 400
          ? "This link has expired or was already used. Ask for a new one below."
          : shopperMessage(error, "We couldn't change your password. Please try again."),
    }
  }
  return goTo(`/${country}/account/login?reset=1`)
}

export async function updateProfile(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const first_name = String(formData.get("first_name") ?? "").trim()
  const last_name = String(formData.get("last_name") ?? "").trim()
  const rawPhone = String(formData.get("phone") ?? "").trim()
  const phone = rawPhone ? normalizeKenyanPhone(rawPhone) : null
  const fields: Record<string, string> = {}
  if (!first_name) {
    fields.first_name = "Enter your first name."
  }
  if (!last_name) {
    fields.last_name = "Enter your last name."
  }
  if (rawPhone && !phone) {
    fields.phone = "Enter a Kenyan mobile number like 0712 345 678."
  }
  if (Object.keys(fields).length) {
    return { error: "Check the highlighted fields.", fields }
  }
  try {
    await storeFetch("/store/customers/me", {
      method: "POST",
      body: { first_name, last_name, phone: phone ? `+${phone}` : "" },
      query: { fields: "id" },
      headers: await authHeaders(),
    })
  } catch (error) {
    return { error: shopperMessage(error, "We couldn't save your details. Please try again.") }
  }
  return { ok: true, message: "Saved." }
}

export async function saveCustomerAddress(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const country = String(formData.get("country") ?? "ke")
  const addressId = String(formData.get("address_id") ?? "")
  const address = readAddress(formData)
  const countries = (await listCountries()).map((c) => c.code)
  const fields = validateAddress(address, { requireEmail: false, countries })
  if (Object.keys(fields).length) {
    return { error: "Check the highlighted fields.", fields }
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
    return { error: shopperMessage(error, "We couldn't save the address. Please try again.") }
  }
  return goTo(`/${country}/account/addresses`)
}

export async function deleteCustomerAddress(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const addressId = String(formData.get("address_id") ?? "")
  if (addressId) {
    try {
      await storeFetch(`/store/customers/me/addresses/${addressId}`, { method: "DELETE", headers: await authHeaders() })
    } catch (error) {
      return { error: shopperMessage(error, "We couldn't remove the address. Please try again.") }
    }
  }
  return { ok: true }
}
