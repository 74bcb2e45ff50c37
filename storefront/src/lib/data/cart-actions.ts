"use server"

import type { HttpTypes } from "@medusajs/types"
import { getTranslations } from "next-intl/server"
import { getContentLocale } from "../../i18n/server"
import { shopperMessage } from "../util/errors"
import { refreshed } from "./action-result"
import type { ActionState } from "./action-state"
import { type Cart, loadCartForAction } from "./cart"
import { authHeaders, setCartId } from "./cookies"
import { storeFetch } from "./fetch"
import { getRegion } from "./regions"

/** The words for this file's answers, in the shopper's language. */
async function words() {
  const [t, errors] = await Promise.all([getTranslations("cartActions"), getTranslations("errors")])
  return { t, errors }
}

type NewItem = { variant_id: string; quantity: number }

/**
 * Carts carry the shopper's content language (Medusa's cart `locale`, none for
 * English: i18n/locales.ts contentLocale): Medusa then titles the line items
 * in it, and the order it becomes keeps it. The shop language also goes in the
 * cart's metadata at the address step, for the notifications plugin.
 *
 * A cart is only ever made for its first item, and made with it: one cart
 * workflow (and one cart refresh) instead of a create and an add.
 */
async function createCartWith(regionId: string, item: NewItem) {
  const locale = await getContentLocale()
  const { cart } = await storeFetch<{ cart: { id: string } }>("/store/carts", {
    method: "POST",
    body: { region_id: regionId, items: [item], ...(locale ? { locale } : {}) },
    query: { fields: "id" },
    headers: await authHeaders(),
  })
  await setCartId(cart.id)
}

/** Moves an open cart to this country's region and the shopper's current content language, when either changed. */
async function catchUp(cart: Cart, regionId: string) {
  const locale = await getContentLocale()
  // A language chosen since the cart was made (a `?lang=` link) is caught up here, with a region move.
  const change = {
    ...(cart.region_id !== regionId ? { region_id: regionId } : {}),
    ...((cart.locale ?? null) !== locale ? { locale } : {}),
  }
  if (!Object.keys(change).length) {
    return
  }
  await storeFetch(`/store/carts/${cart.id}`, {
    method: "POST",
    body: change,
    query: { fields: "id" },
    headers: await authHeaders(),
  })
}

/** Puts `item` in the shopper's open cart for this country's region, or in a new cart made with it. */
async function addToCountryCart(countryCode: string, item: NewItem) {
  const region = await getRegion(countryCode)
  if (!region) {
    throw new Error(`No region ships to ${countryCode}`)
  }
  const cart = await loadCartForAction()
  if (!cart) {
    await createCartWith(region.id, item)
    return
  }
  await catchUp(cart, region.id)
  await storeFetch(`/store/carts/${cart.id}/line-items`, {
    method: "POST",
    body: item,
    query: { fields: "id" },
    headers: await authHeaders(),
  })
}

export async function addToCart(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const { t, errors } = await words()
  const variantId = String(formData.get("variant_id") ?? "")
  const country = String(formData.get("country") ?? "ke")
  const quantity = Math.max(1, Math.min(99, Number(formData.get("quantity") ?? 1) || 1))
  if (!variantId) {
    return { error: t("chooseOption") }
  }
  try {
    await addToCountryCart(country, { variant_id: variantId, quantity })
    return refreshed({ ok: true, message: t("added", { quantity }) })
  } catch (error) {
    return { error: shopperMessage(error, t("addFailed"), errors) }
  }
}

export async function updateLineItem(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const { t, errors } = await words()
  const lineId = String(formData.get("line_id") ?? "")
  const quantity = Number(formData.get("quantity"))
  const cart = await loadCartForAction()
  if (!cart || !lineId || !Number.isInteger(quantity) || quantity < 0) {
    return { error: t("changed") }
  }
  try {
    if (quantity === 0) {
      await storeFetch(`/store/carts/${cart.id}/line-items/${lineId}`, { method: "DELETE", headers: await authHeaders() })
    } else {
      await storeFetch(`/store/carts/${cart.id}/line-items/${lineId}`, {
        method: "POST",
        body: { quantity },
        query: { fields: "id" },
        headers: await authHeaders(),
      })
    }
    return refreshed({ ok: true })
  } catch (error) {
    return { error: shopperMessage(error, t("updateFailed"), errors) }
  }
}

export async function removeLineItem(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const { t, errors } = await words()
  const lineId = String(formData.get("line_id") ?? "")
  const cart = await loadCartForAction()
  if (cart && lineId) {
    try {
      await storeFetch(`/store/carts/${cart.id}/line-items/${lineId}`, { method: "DELETE", headers: await authHeaders() })
    } catch (error) {
      return { error: shopperMessage(error, t("removeFailed"), errors) }
    }
  }
  return refreshed({ ok: true })
}

export async function applyPromotion(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const { t, errors } = await words()
  const code = String(formData.get("code") ?? "").trim()
  const cart = await loadCartForAction()
  if (!code) {
    return { error: t("enterPromo") }
  }
  if (!cart) {
    return { error: t("empty") }
  }
  try {
    const { cart: updated } = await storeFetch<{ cart: HttpTypes.StoreCart }>(`/store/carts/${cart.id}/promotions`, {
      method: "POST",
      body: { promo_codes: [code] },
      query: { fields: "id,promotions.code" },
      headers: await authHeaders(),
    })
    // Medusa accepts unknown codes silently; check that this one stuck.
    if (!updated.promotions?.some((p) => p.code?.toLowerCase() === code.toLowerCase())) {
      return { error: errors("promoInvalid") }
    }
    return refreshed({ ok: true, message: t("promoApplied", { code: code.toUpperCase() }) })
  } catch (error) {
    return { error: shopperMessage(error, errors("promoInvalid"), errors) }
  }
}

export async function removePromotion(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const { t, errors } = await words()
  const code = String(formData.get("code") ?? "")
  const cart = await loadCartForAction()
  if (cart && code) {
    try {
      await storeFetch(`/store/carts/${cart.id}/promotions`, {
        method: "DELETE",
        body: { promo_codes: [code] },
        query: { fields: "id" },
        headers: await authHeaders(),
      })
    } catch (error) {
      return { error: shopperMessage(error, t("removePromoFailed"), errors) }
    }
  }
  return refreshed({ ok: true })
}
