/**
 * Helpers for the app's order-rules HTTP tests (integration-tests/http/order-rules-*.spec.ts):
 * seed the demo shop, place orders through the store API with Medusa's system
 * payment provider, and drive Medusa's own admin routes (capture, fulfil, ship,
 * deliver, cancel, refund).
 */
import type { MedusaContainer } from "@medusajs/framework/types"
import { runSeed } from "../../src/scripts/seed/run-seed"
import { adminHeaders } from "./admin"

type Headers = { headers: Record<string, string> }
type Response = { status: number; data: Record<string, any>; headers?: Record<string, string> }

export type Api = {
  get: (url: string, config?: unknown) => Promise<Response>
  post: (url: string, body?: unknown, config?: unknown) => Promise<Response>
  delete: (url: string, config?: unknown) => Promise<Response>
}

export type Shop = {
  store: Headers
  admin: Headers
  regionId: string
  variantIds: string[]
  publishableKey: string
}

export const ADDRESS = {
  first_name: "Wanjiru",
  last_name: "Kamau",
  address_1: "Moi Avenue 12",
  city: "Nairobi",
  postal_code: "00100",
  country_code: "ke",
  phone: "+254712345678",
}

/** Seeds the Kenyan demo shop and logs in as the dev admin. */
export async function setupShop(container: MedusaContainer, api: Api): Promise<Shop> {
  const { publishableKey, kenyaRegionId } = await runSeed(container)
  const store = { headers: { "x-publishable-api-key": publishableKey } }
  const { data } = await api.get(`/store/products?region_id=${kenyaRegionId}&limit=5`, store)
  const admin = await adminHeaders(container, api)
  return {
    store,
    admin,
    publishableKey,
    regionId: kenyaRegionId,
    variantIds: data.products.map((p: { variants: { id: string }[] }) => p.variants[0].id),
  }
}

/** A guest (or, with customer headers, a customer) buys through the store API; the payment is authorized. */
export async function placeOrder(
  api: Api,
  shop: Shop,
  options: { email?: string; quantity?: number; customer?: Headers } = {}
): Promise<{ id: string; display_id: number; email: string; items: { id: string; quantity: number }[] }> {
  const headers = {
    headers: { ...shop.store.headers, ...(options.customer?.headers ?? {}) },
  }
  const email = options.email ?? "wanjiru@example.com"
  const { data: cart } = await api.post("/store/carts", { region_id: shop.regionId, email }, headers)
  const cartId = cart.cart.id
  await api.post(
    `/store/carts/${cartId}/line-items`,
    { variant_id: shop.variantIds[0], quantity: options.quantity ?? 1 },
    headers
  )
  await api.post(`/store/carts/${cartId}`, { shipping_address: ADDRESS, billing_address: ADDRESS }, headers)
  const { data: options_ } = await api.get(`/store/shipping-options?cart_id=${cartId}`, headers)
  await api.post(`/store/carts/${cartId}/shipping-methods`, { option_id: options_.shipping_options[0].id }, headers)
  const { data: pc } = await api.post("/store/payment-collections", { cart_id: cartId }, headers)
  await api.post(
    `/store/payment-collections/${pc.payment_collection.id}/payment-sessions`,
    { provider_id: "pp_system_default" },
    headers
  )
  const { data: completed } = await api.post(`/store/carts/${cartId}/complete`, {}, headers)
  if (completed.type !== "order") {
    throw new Error(`cart did not complete: ${JSON.stringify(completed.error)}`)
  }
  return completed.order
}

/** Retries until `fn` stops throwing (subscribers run after the request returns). */
export async function eventually<T>(fn: () => Promise<T>, timeoutMs = 15_000): Promise<T> {
  const until = Date.now() + timeoutMs
  for (;;) {
    try {
      return await fn()
    } catch (error) {
      if (Date.now() > until) {
        throw error
      }
      await new Promise((r) => setTimeout(r, 100))
    }
  }
}

/** Resolves with the response of a failed request instead of throwing. */
export async function failure(promise: Promise<Response>): Promise<Response> {
  return promise.then(
    (res) => {
      throw new Error(`expected the request to fail, got ${res.status}: ${JSON.stringify(res.data)}`)
    },
    (error: { response?: Response }) => {
      if (!error.response) {
        throw error
      }
      return error.response
    }
  )
}

export async function lifecycleOf(api: Api, shop: Shop, orderId: string) {
  const { data } = await api.get(`/admin/orders/${orderId}/lifecycle`, shop.admin)
  return data.order_lifecycle
}

export async function historyOf(api: Api, shop: Shop, orderId: string) {
  const { data } = await api.get(`/admin/orders/${orderId}/lifecycle/history`, shop.admin)
  return data.history as {
    sequence: number
    from: string | null
    to: string
    actor: string
    actor_id: string | null
    reason: string | null
    source: string
  }[]
}

/** Waits until the order's status is `status` (recorded, not just the initial default). */
export async function waitForStatus(api: Api, shop: Shop, orderId: string, status: string) {
  return eventually(async () => {
    const lifecycle = await lifecycleOf(api, shop, orderId)
    if (lifecycle.status !== status || lifecycle.version === 0) {
      throw new Error(`order ${orderId} is "${lifecycle.status}", waiting for "${status}"`)
    }
    return lifecycle
  })
}

async function adminOrder(api: Api, shop: Shop, orderId: string, fields: string) {
  const { data } = await api.get(`/admin/orders/${orderId}?fields=${fields}`, shop.admin)
  return data.order
}

export async function paymentIdOf(api: Api, shop: Shop, orderId: string): Promise<string> {
  const order = await adminOrder(api, shop, orderId, "id,*payment_collections.payments")
  return order.payment_collections[0].payments[0].id
}

/** Captures the order's payment through Medusa's admin API (emits payment.captured). */
export async function capture(api: Api, shop: Shop, orderId: string): Promise<string> {
  const paymentId = await paymentIdOf(api, shop, orderId)
  await api.post(`/admin/payments/${paymentId}/capture`, {}, shop.admin)
  return paymentId
}

/** Refunds the whole payment through Medusa's admin API (emits payment.refunded). */
export async function refund(api: Api, shop: Shop, orderId: string) {
  const paymentId = await paymentIdOf(api, shop, orderId)
  await api.post(`/admin/payments/${paymentId}/refund`, {}, shop.admin)
}

/** Fulfils every item (emits order.fulfillment_created); returns the fulfillment id. */
export async function fulfil(api: Api, shop: Shop, orderId: string): Promise<string> {
  const order = await adminOrder(api, shop, orderId, "id,*items")
  const items = order.items.map((i: { id: string; quantity: number }) => ({ id: i.id, quantity: i.quantity }))
  await api.post(`/admin/orders/${orderId}/fulfillments`, { items }, shop.admin)
  const after = await adminOrder(api, shop, orderId, "id,*fulfillments")
  const fulfillments = [...(after.fulfillments as { id: string; created_at: string }[])].sort((a, b) =>
    a.created_at.localeCompare(b.created_at)
  )
  return fulfillments[fulfillments.length - 1].id
}

/** Ships a fulfillment (emits shipment.created). */
export async function ship(api: Api, shop: Shop, orderId: string, fulfillmentId: string) {
  const order = await adminOrder(api, shop, orderId, "id,*items")
  const items = order.items.map((i: { id: string; quantity: number }) => ({ id: i.id, quantity: i.quantity }))
  await api.post(
    `/admin/orders/${orderId}/fulfillments/${fulfillmentId}/shipments`,
    { items, labels: [{ tracking_number: "KE-TRACK-1", tracking_url: "https://courier.example/KE-TRACK-1", label_url: "https://courier.example/label/1" }] },
    shop.admin
  )
}

/** Marks a fulfillment delivered (emits delivery.created). */
export async function deliver(api: Api, shop: Shop, orderId: string, fulfillmentId: string) {
  await api.post(`/admin/orders/${orderId}/fulfillments/${fulfillmentId}/mark-as-delivered`, {}, shop.admin)
}

/** Cancels the order in Medusa (emits order.canceled). */
export async function cancelInMedusa(api: Api, shop: Shop, orderId: string) {
  await api.post(`/admin/orders/${orderId}/cancel`, {}, shop.admin)
}

export async function medusaStatusesOf(api: Api, shop: Shop, orderId: string) {
  return adminOrder(api, shop, orderId, "id,status,payment_status,fulfillment_status")
}

/** Asserts the history is one unbroken chain 1..n whose last entry is the current status. */
export function expectConsistentChain(
  history: { sequence: number; from: string | null; to: string }[],
  currentStatus: string
) {
  history.forEach((entry, index) => {
    if (entry.sequence !== index + 1) {
      throw new Error(`history entry ${index} has sequence ${entry.sequence}`)
    }
    const expectedFrom = index === 0 ? null : history[index - 1].to
    if (entry.from !== expectedFrom) {
      throw new Error(`history entry ${entry.sequence} starts at "${entry.from}", previous ended at "${expectedFrom}"`)
    }
  })
  if (history[history.length - 1]?.to !== currentStatus) {
    throw new Error(`history ends at "${history[history.length - 1]?.to}" but the status is "${currentStatus}"`)
  }
}
