/**
 * The store API as the browser journeys' set-up uses it: a guest order placed
 * with M-Pesa on the running stack, without clicking through the storefront
 * (the journeys are about the admin).
 */
const backend = (process.env.SOKO_E2E_BACKEND_URL ?? "http://localhost:9000").replace(/\/$/, "")
const key = process.env.SOKO_E2E_PUBLISHABLE_KEY ?? ""

export type Json = Record<string, any>

/** GET (no body) or POST to the backend; a non-2xx answer throws with its status and message. */
export async function call<T>(url: string, body?: unknown, headers: Record<string, string> = {}): Promise<T> {
  const res = await fetch(url, {
    method: body === undefined ? "GET" : "POST",
    headers: { "content-type": "application/json", ...headers },
    body: body === undefined ? undefined : JSON.stringify(body),
  })
  const json = (await res.json()) as T & { message?: string; error?: string }
  if (!res.ok) {
    throw new Error(`${url} answered ${res.status}: ${json.message ?? json.error}`)
  }
  return json
}

export const store = <T>(pathname: string, body?: unknown) => call<T>(`${backend}${pathname}`, body, { "x-publishable-api-key": key })

/**
 * A guest buys one bag of the demo coffee in the Kenyan region and completes
 * the cart with an M-Pesa session for `phone` (the prompt goes there).
 */
export async function placeMpesaOrder(input: { email: string; firstName: string; address: string; phone: string }) {
  const { regions } = await store<{ regions: Json[] }>("/store/regions")
  const kenya = regions.find((r) => r.currency_code === "kes")!
  const { products } = await store<{ products: Json[] }>(`/store/products?region_id=${kenya.id}&limit=1&handle=kenya-aa-coffee`)
  const { cart } = await store<{ cart: Json }>("/store/carts", { region_id: kenya.id, email: input.email })
  await store(`/store/carts/${cart.id}/line-items`, { variant_id: products[0].variants[0].id, quantity: 1 })
  const address = { first_name: input.firstName, last_name: "E2E", address_1: input.address, city: "Nairobi", country_code: "ke", phone: input.phone }
  await store(`/store/carts/${cart.id}`, { shipping_address: address, billing_address: address })
  const { shipping_options } = await store<{ shipping_options: Json[] }>(`/store/shipping-options?cart_id=${cart.id}`)
  await store(`/store/carts/${cart.id}/shipping-methods`, { option_id: shipping_options[0].id })
  const { payment_collection } = await store<{ payment_collection: Json }>("/store/payment-collections", { cart_id: cart.id })
  await store(`/store/payment-collections/${payment_collection.id}/payment-sessions`, { provider_id: "pp_mpesa_mpesa", data: { phone: input.phone } })
  const { order } = await store<{ type: string; order: Json }>(`/store/carts/${cart.id}/complete`, {})
  return { cartId: cart.id as string, order }
}
