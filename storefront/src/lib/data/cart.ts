import "server-only"
import type { HttpTypes } from "@medusajs/types"
import { cache } from "react"
import { statusOf } from "../util/errors"
import { authHeaders, getCartId } from "./cookies"
import { storeFetch } from "./fetch"

export const CART_FIELDS = [
  "+items.total",
  "+items.subtotal",
  "+items.variant.inventory_quantity",
  "+items.variant.manage_inventory",
  "+items.variant.allow_backorder",
  "+shipping_methods.name",
  "+shipping_methods.shipping_option_id",
  "+payment_collection.payment_sessions.data",
].join(",")

/** Medusa 2.21's store API answers a cart's `locale`; its StoreCart type does not list it yet. */
export type Cart = HttpTypes.StoreCart & { locale?: string | null }

/**
 * What a server action reads before it writes: the ids, region and language it
 * checks, without lines or totals. Medusa assembles those with a join and a
 * totals pass per read (a median 61 ms against 23 ms for this read, one cart
 * with one line), and the page render after the action reads them anyway.
 * `*region.countries`, not `region.countries.iso_2`: Medusa 2.21 answers the
 * latter without the countries (a country row's key is its iso_2).
 */
const ACTION_CART_FIELDS = "id,region_id,locale,completed_at,*region.countries,payment_collection.id"

export async function fetchCart(id: string, fields = CART_FIELDS): Promise<Cart | null> {
  try {
    const { cart } = await storeFetch<{ cart: Cart }>(`/store/carts/${id}`, {
      query: { fields },
      headers: await authHeaders(),
    })
    return cart
  } catch (error) {
    if (statusOf(error) === 404) {
      return null
    }
    throw error
  }
}

/**
 * The shopper's open cart, or null (no cookie, unknown id, or already turned
 * into an order). Uncached: an action's answer renders its page in the same
 * request as the write (`refresh()`/`redirect()`), and must see the change.
 */
async function loadCart(fields = CART_FIELDS): Promise<Cart | null> {
  const id = await getCartId()
  if (!id) {
    return null
  }
  const cart = await fetchCart(id, fields)
  return cart && !cart.completed_at ? cart : null
}

/** The open cart as a server action needs it before it writes (ACTION_CART_FIELDS), or null. */
export function loadCartForAction(): Promise<Cart | null> {
  return loadCart(ACTION_CART_FIELDS)
}

/** loadCart, once per page render (header, page and summary share it). */
export const retrieveCart = cache(() => loadCart())

export function itemCount(cart: Cart | null): number {
  return (cart?.items ?? []).reduce((sum, item) => sum + (item.quantity ?? 0), 0)
}

export async function listShippingOptions(cartId: string): Promise<HttpTypes.StoreCartShippingOption[]> {
  const { shipping_options } = await storeFetch<{ shipping_options: HttpTypes.StoreCartShippingOption[] }>(
    "/store/shipping-options",
    { query: { cart_id: cartId } }
  )
  return shipping_options
}

export async function listPaymentProviders(regionId: string): Promise<string[]> {
  const { payment_providers } = await storeFetch<{ payment_providers: { id: string }[] }>("/store/payment-providers", {
    query: { region_id: regionId, limit: 50 },
    revalidate: 30,
    tags: ["payment-providers"],
  })
  return payment_providers.map((p) => p.id)
}
