/**
 * A shopper and an admin over plain HTTP (fetch), for driving a running
 * cluster: used by the multi-instance test and reusable by the bench.
 */
import { KENYAN_ADDRESS } from "../helpers/store-checkout"

export class HttpError extends Error {
  constructor(
    message: string,
    public readonly status: number,
    public readonly body: unknown
  ) {
    super(message)
  }
}

export async function call<T = any>(
  base: string,
  method: string,
  route: string,
  body?: unknown,
  headers: Record<string, string> = {}
): Promise<T> {
  const res = await fetch(`${base}${route}`, {
    method,
    headers: { "content-type": "application/json", ...headers },
    body: body === undefined ? undefined : JSON.stringify(body),
    signal: AbortSignal.timeout(180_000),
  })
  const text = await res.text()
  let data: unknown = text
  try {
    data = text ? JSON.parse(text) : {}
  } catch {
    // keep the text
  }
  if (!res.ok) {
    throw new HttpError(`${method} ${base}${route} → ${res.status}: ${text.slice(0, 500)}`, res.status, data)
  }
  return data as T
}

export type Shop = {
  servers: string[]
  store: Record<string, string>
  admin: Record<string, string>
  kesRegionId: string
  /** KES variants in stock, used round-robin. */
  variantIds: string[]
  shippingOptionId: string
}

/** Logs in as the admin, finds the KES region, its variants and a shipping option. */
export async function openShop(
  servers: string[],
  prepared: { publishableKey: string; kenyaRegionId: string; adminEmail: string },
  adminPassword: string
): Promise<Shop> {
  const [base] = servers
  const store = { "x-publishable-api-key": prepared.publishableKey }
  const auth = await call(base, "POST", "/auth/user/emailpass", { email: prepared.adminEmail, password: adminPassword })
  const admin = { authorization: `Bearer ${auth.token}` }
  const { products } = await call(
    base,
    "GET",
    `/store/products?region_id=${prepared.kenyaRegionId}&limit=100&fields=id,*variants,+variants.inventory_quantity,+variants.manage_inventory`,
    undefined,
    store
  )
  const variantIds = (products as { variants: { id: string; inventory_quantity?: number; manage_inventory?: boolean }[] }[])
    .flatMap((p) => p.variants)
    .filter((v) => v.manage_inventory === false || (v.inventory_quantity ?? 0) >= 1000)
    .map((v) => v.id)
  if (!variantIds.length) {
    throw new Error("no KES variant with stock to sell")
  }
  const { cart } = await call(base, "POST", "/store/carts", { region_id: prepared.kenyaRegionId, email: "probe@example.com", items: [{ variant_id: variantIds[0], quantity: 1 }], shipping_address: KENYAN_ADDRESS }, store)
  const { shipping_options } = await call(base, "GET", `/store/shipping-options?cart_id=${cart.id}`, undefined, store)
  return { servers, store, admin, kesRegionId: prepared.kenyaRegionId, variantIds, shippingOptionId: shipping_options[0].id }
}

export type Placed = {
  cartId: string
  orderId?: string
  paymentCollectionId: string
  /** Which server took each call, in order. */
  route: string[]
}

export type CheckoutInput = {
  index: number
  provider: "system" | "mpesa"
  /** Kenyan mobile for M-Pesa, e.g. 0711000001. */
  phone?: string
  /** Stop before completing the cart (the caller completes it). */
  skipComplete?: boolean
}

/**
 * One guest checkout through the store API, each call on the next server in
 * turn (cart made on one instance, paid and completed on the others):
 * cart with item and address → shipping → payment collection → session → complete.
 */
export async function checkout(shop: Shop, input: CheckoutInput): Promise<Placed> {
  const route: string[] = []
  let turn = input.index
  const next = () => {
    const base = shop.servers[turn++ % shop.servers.length]
    route.push(base)
    return base
  }
  const variant = shop.variantIds[input.index % shop.variantIds.length]
  const { cart } = await call(next(), "POST", "/store/carts", {
    region_id: shop.kesRegionId,
    email: `multi-${input.index}@example.com`,
    items: [{ variant_id: variant, quantity: 1 }],
    shipping_address: KENYAN_ADDRESS,
    billing_address: KENYAN_ADDRESS,
  }, shop.store)
  await call(next(), "POST", `/store/carts/${cart.id}/shipping-methods`, { option_id: shop.shippingOptionId }, shop.store)
  const { payment_collection } = await call(next(), "POST", "/store/payment-collections", { cart_id: cart.id }, shop.store)
  await call(
    next(),
    "POST",
    `/store/payment-collections/${payment_collection.id}/payment-sessions`,
    input.provider === "mpesa" ? { provider_id: "pp_mpesa_mpesa", data: { phone: input.phone } } : { provider_id: "pp_system_default" },
    shop.store
  )
  const placed: Placed = { cartId: cart.id, paymentCollectionId: payment_collection.id, route }
  if (!input.skipComplete) {
    placed.orderId = await completeCart(shop, cart.id, next())
  }
  return placed
}

export async function completeCart(shop: Shop, cartId: string, base: string): Promise<string> {
  const done = await call(base, "POST", `/store/carts/${cartId}/complete`, {}, shop.store)
  if (done.type !== "order") {
    throw new Error(`cart ${cartId} did not complete: ${JSON.stringify(done).slice(0, 300)}`)
  }
  return done.order.id as string
}

/** Runs `fn` over `items` with at most `limit` in flight; keeps order; never rejects (errors are returned). */
export async function pool<T, R>(items: T[], limit: number, fn: (item: T, i: number) => Promise<R>): Promise<(R | Error)[]> {
  const out: (R | Error)[] = new Array(items.length)
  let next = 0
  const runners = Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) {
      const i = next++
      try {
        out[i] = await fn(items[i], i)
      } catch (error) {
        out[i] = error instanceof Error ? error : new Error(String(error))
      }
    }
  })
  await Promise.all(runners)
  return out
}
