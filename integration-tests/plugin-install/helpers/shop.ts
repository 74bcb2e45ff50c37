/**
 * HTTP helpers for a scratch app: an admin session, a minimal Kenyan shop
 * created through Medusa's own admin API (region, sales channel, publishable
 * key, stock location, shipping, one product), and a guest checkout through
 * the store API, as an integrator's storefront would do it.
 */
import { ADMIN } from "./scratch-app"

export class HttpError extends Error {
  constructor(
    readonly method: string,
    readonly url: string,
    readonly status: number,
    readonly body: any
  ) {
    super(`${method} ${url} → ${status}: ${JSON.stringify(body)}`)
  }
}

export type Client = {
  get: (path: string) => Promise<any>
  post: (path: string, body?: unknown, headers?: Record<string, string>) => Promise<any>
  /** Like post, but returns { status, body } instead of throwing on 4xx/5xx. */
  raw: (method: string, path: string, body?: unknown) => Promise<{ status: number; body: any }>
}

export function client(baseUrl: string, headers: Record<string, string>): Client {
  const raw = async (method: string, path: string, body?: unknown, extra: Record<string, string> = {}) => {
    const res = await fetch(`${baseUrl}${path}`, {
      method,
      headers: { "content-type": "application/json", ...headers, ...extra },
      body: body === undefined ? undefined : JSON.stringify(body),
    })
    const text = await res.text()
    let parsed: any = text
    try {
      parsed = text ? JSON.parse(text) : undefined
    } catch {
      // not JSON
    }
    return { status: res.status, body: parsed }
  }
  const ok = async (method: string, path: string, body?: unknown, extra?: Record<string, string>) => {
    const r = await raw(method, path, body, extra)
    if (r.status >= 400) {
      throw new HttpError(method, path, r.status, r.body)
    }
    return r.body
  }
  return {
    get: (path) => ok("GET", path),
    post: (path, body, extra) => ok("POST", path, body ?? {}, extra),
    raw: (method, path, body) => raw(method, path, body),
  }
}

export async function adminClient(baseUrl: string): Promise<Client> {
  const res = await fetch(`${baseUrl}/auth/user/emailpass`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ email: ADMIN.email, password: ADMIN.password }),
  })
  const body = (await res.json()) as { token?: string }
  if (!res.ok || !body.token) {
    throw new Error(`admin login failed: ${res.status} ${JSON.stringify(body)}`)
  }
  return client(baseUrl, { authorization: `Bearer ${body.token}` })
}

export type Shop = {
  regionId: string
  salesChannelId: string
  publishableKey: string
  variantId: string
  productTitle: string
  shippingOptionId: string
}

/** A KES shop for Kenya, made only through Medusa's admin API. */
export async function seedShop(admin: Client, paymentProviders: string[]): Promise<Shop> {
  const { stores } = await admin.get("/admin/stores")
  await admin.post(`/admin/stores/${stores[0].id}`, {
    supported_currencies: [{ currency_code: "kes", is_default: true }],
  })
  const { sales_channel } = await admin.post("/admin/sales-channels", { name: "Scratch storefront" })
  const { api_key } = await admin.post("/admin/api-keys", { title: "Scratch storefront", type: "publishable" })
  await admin.post(`/admin/api-keys/${api_key.id}/sales-channels`, { add: [sales_channel.id] })
  const { region } = await admin.post("/admin/regions", {
    name: "Kenya",
    currency_code: "kes",
    countries: ["ke"],
    payment_providers: paymentProviders,
  })
  const { stock_location } = await admin.post("/admin/stock-locations", {
    name: "Nairobi warehouse",
    address: { address_1: "Enterprise Road 1", city: "Nairobi", country_code: "ke" },
  })
  await admin.post(`/admin/stock-locations/${stock_location.id}/sales-channels`, { add: [sales_channel.id] })
  await admin.post(`/admin/stock-locations/${stock_location.id}/fulfillment-providers`, { add: ["manual_manual"] })
  const withSet = await admin.post(`/admin/stock-locations/${stock_location.id}/fulfillment-sets?fields=*fulfillment_sets`, {
    name: "Nairobi deliveries",
    type: "shipping",
  })
  const fulfillmentSet = withSet.stock_location.fulfillment_sets[0]
  const { fulfillment_set } = await admin.post(`/admin/fulfillment-sets/${fulfillmentSet.id}/service-zones?fields=*service_zones`, {
    name: "Kenya",
    geo_zones: [{ type: "country", country_code: "ke" }],
  })
  const serviceZone = fulfillment_set.service_zones[0]
  const profiles = await admin.get("/admin/shipping-profiles?type=default")
  const shippingProfile =
    profiles.shipping_profiles[0] ??
    (await admin.post("/admin/shipping-profiles", { name: "Default", type: "default" })).shipping_profile
  const { shipping_option } = await admin.post("/admin/shipping-options", {
    name: "Standard delivery",
    service_zone_id: serviceZone.id,
    shipping_profile_id: shippingProfile.id,
    provider_id: "manual_manual",
    price_type: "flat",
    type: { label: "Standard", description: "Two to three days", code: "standard" },
    prices: [{ currency_code: "kes", amount: 200 }],
    rules: [
      { attribute: "enabled_in_store", operator: "eq", value: "true" },
      { attribute: "is_return", operator: "eq", value: "false" },
    ],
  })
  const { product } = await admin.post("/admin/products", {
    title: "Kikoi",
    status: "published",
    shipping_profile_id: shippingProfile.id,
    sales_channels: [{ id: sales_channel.id }],
    options: [{ title: "Size", values: ["One size"] }],
    variants: [
      {
        title: "One size",
        sku: "KIKOI-1",
        manage_inventory: false,
        options: { Size: "One size" },
        prices: [{ currency_code: "kes", amount: 1500 }],
      },
    ],
  })
  return {
    regionId: region.id,
    salesChannelId: sales_channel.id,
    publishableKey: api_key.token,
    variantId: product.variants[0].id,
    productTitle: product.title,
    shippingOptionId: shipping_option.id,
  }
}

export const ADDRESS = {
  first_name: "Wanjiru",
  last_name: "Kamau",
  address_1: "Moi Avenue 12",
  city: "Nairobi",
  postal_code: "00100",
  country_code: "ke",
  phone: "0712345678",
}

/** A guest cart with one item, an address and shipping, and its payment collection. */
export async function cartReadyForPayment(store: Client, shop: Shop, email: string) {
  const { cart } = await store.post("/store/carts", {
    region_id: shop.regionId,
    sales_channel_id: shop.salesChannelId,
    email,
    items: [{ variant_id: shop.variantId, quantity: 1 }],
  })
  await store.post(`/store/carts/${cart.id}`, { shipping_address: ADDRESS, billing_address: ADDRESS })
  const { shipping_options } = await store.get(`/store/shipping-options?cart_id=${cart.id}`)
  if (!shipping_options.some((o: { id: string }) => o.id === shop.shippingOptionId)) {
    throw new Error(`shipping option ${shop.shippingOptionId} not offered for the cart: ${JSON.stringify(shipping_options)}`)
  }
  await store.post(`/store/carts/${cart.id}/shipping-methods`, { option_id: shop.shippingOptionId })
  const { payment_collection } = await store.post("/store/payment-collections", { cart_id: cart.id })
  return { cartId: cart.id as string, paymentCollectionId: payment_collection.id as string }
}

/** Completes a cart paid with Medusa's system provider (pp_system_default). */
export async function placeOrderWithSystemPayment(store: Client, shop: Shop, email: string) {
  const { cartId, paymentCollectionId } = await cartReadyForPayment(store, shop, email)
  await store.post(`/store/payment-collections/${paymentCollectionId}/payment-sessions`, {
    provider_id: "pp_system_default",
  })
  const completed = await store.post(`/store/carts/${cartId}/complete`)
  if (completed.type !== "order") {
    throw new Error(`cart not completed: ${JSON.stringify(completed)}`)
  }
  return completed.order as { id: string; display_id: number; email: string }
}

/** Polls until `fn` returns a value (bounded attempts; not a timing assertion). */
export async function eventually<T>(what: string, fn: () => Promise<T | undefined>, attempts = 240, pauseMs = 500): Promise<T> {
  let last: unknown
  for (let i = 0; i < attempts; i++) {
    try {
      const value = await fn()
      if (value !== undefined) {
        return value
      }
    } catch (error) {
      last = error
    }
    await new Promise((r) => setTimeout(r, pauseMs))
  }
  throw new Error(`${what}: condition not met after ${attempts} attempts${last ? ` (last error: ${(last as Error).message})` : ""}`)
}
