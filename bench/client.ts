/**
 * The load generator's HTTP client and the storefront's calls: a keep-alive
 * agent on loopback, the store API with the publishable key, a ready cart and
 * a whole checkout as Soko's storefront performs them.
 */
import http from "node:http"
import { randomUUID } from "node:crypto"

export type BenchContext = {
  baseUrl: string
  publishableKey: string
  regionId: string
  adminToken?: string
  callbackSecret?: string
  products: { id: string; handle: string; variantIds: string[] }[]
  /** One ready cart (item + address) per connection, for the shipping-options scenario. */
  shippingCarts?: string[]
  /**
   * Ask cart and payment mutations for `fields=id`, as Soko's storefront does
   * (it renders the cart from one GET with the fields it shows). Without it a
   * mutation answers with Medusa's default store cart, totals recomputed.
   */
  leanResponses?: boolean
  /** Paid orders, one per connection, for the admin order scenarios (bench/orders.ts). */
  adminOrders?: string[]
}

const agent = new http.Agent({ keepAlive: true, maxSockets: 64 })

type Res = { status: number; body: unknown; bytes: number }

export class HttpError extends Error {}

export function call(
  ctx: BenchContext,
  method: string,
  path: string,
  body?: unknown,
  headers: Record<string, string> = {}
): Promise<Res> {
  const url = new URL(path, ctx.baseUrl)
  const payload = body === undefined ? undefined : Buffer.from(JSON.stringify(body))
  return new Promise((resolve, reject) => {
    const req = http.request(
      url,
      {
        method,
        agent,
        headers: {
          accept: "application/json",
          ...(payload ? { "content-type": "application/json", "content-length": String(payload.length) } : {}),
          ...headers,
        },
      },
      (res) => {
        const chunks: Buffer[] = []
        res.on("data", (c: Buffer) => chunks.push(c))
        res.on("end", () => {
          const raw = Buffer.concat(chunks)
          let parsed: unknown = undefined
          try {
            parsed = raw.length ? JSON.parse(raw.toString("utf8")) : undefined
          } catch {
            parsed = raw.toString("utf8").slice(0, 200)
          }
          const status = res.statusCode ?? 0
          if (status >= 400) {
            reject(new HttpError(`${method} ${url.pathname} → ${status} ${JSON.stringify(parsed).slice(0, 300)}`))
            return
          }
          resolve({ status, body: parsed, bytes: raw.length })
        })
        res.on("error", reject)
      }
    )
    req.on("error", reject)
    req.setTimeout(120_000, () => req.destroy(new Error(`${method} ${url.pathname} timed out`)))
    if (payload) {
      req.write(payload)
    }
    req.end()
  })
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Json = any

export const WORDS = ["amani", "kikoi", "sandal", "jua", "basket", "nyota", "scarf", "pwani", "mug", "zawadi"]
export const pick = <T>(list: T[]): T => list[Math.floor(Math.random() * list.length)]

export const ADDRESS = {
  first_name: "Wanjiku",
  last_name: "Bench",
  address_1: "Moi Avenue 1",
  city: "Nairobi",
  country_code: "ke",
  postal_code: "00100",
  phone: "+254708374149",
}

/** Phones the simulator pays: the sandbox test number, then auto-approved numbers (one per connection). */
function phoneFor(worker: number): string {
  return worker === 0 ? "254708374149" : `2547083742${String(worker).padStart(2, "0")}`
}

/** What a scenario's store calls cost on the wire: requests made, response body bytes received. */
export type Counter = { requests: number; bytes: number }

export const counter = (): Counter => ({ requests: 0, bytes: 0 })

export function store(ctx: BenchContext, n: Counter) {
  const headers = { "x-publishable-api-key": ctx.publishableKey }
  const counted = (res: Promise<Res>) =>
    res.then((r) => {
      n.bytes += r.bytes
      return r
    })
  return {
    get: (path: string) => {
      n.requests += 1
      return counted(call(ctx, "GET", path, undefined, headers))
    },
    post: (path: string, body: unknown) => {
      n.requests += 1
      return counted(call(ctx, "POST", path, body, headers))
    },
    delete: (path: string) => {
      n.requests += 1
      return counted(call(ctx, "DELETE", path, undefined, headers))
    },
  }
}

export const PRICE_FIELDS = "*variants.calculated_price"

/** A mutation's path, asking only for the id back when the client is lean (BenchContext.leanResponses). */
export const mutation = (ctx: BenchContext, path: string) =>
  ctx.leanResponses ? `${path}${path.includes("?") ? "&" : "?"}fields=id` : path

/** Cart with one item and an address, ready for shipping. Returns its id. */
export async function readyCart(ctx: BenchContext, n: Counter): Promise<string> {
  const s = store(ctx, n)
  const product = pick(ctx.products)
  const { body: created } = await s.post(mutation(ctx, "/store/carts"), { region_id: ctx.regionId })
  const cartId = (created as Json).cart.id as string
  await s.post(mutation(ctx, `/store/carts/${cartId}/line-items`), { variant_id: pick(product.variantIds), quantity: 1 })
  await s.post(mutation(ctx, `/store/carts/${cartId}`), {
    email: `bench-${randomUUID().slice(0, 8)}@example.com`,
    shipping_address: ADDRESS,
    billing_address: ADDRESS,
  })
  return cartId
}

/**
 * The storefront's "check your phone" page asks every 2 s; the bench asks more
 * often so the measured wait is within 100 ms of the capture, without polls
 * (40/s from 4 shoppers, 20× a real page's) taking the CPU the settle needs.
 */
const STATUS_POLL_MS = 100

/** One purchase as the storefront makes it; returns the order id. */
export async function checkout(ctx: BenchContext, n: Counter, provider: "system" | "mpesa", worker: number): Promise<string> {
  const s = store(ctx, n)
  // 1–3: cart, item, email + address (the storefront's steps)
  const cartId = await readyCart(ctx, n)
  // 4: shipping options
  const { body: options } = await s.get(`/store/shipping-options?cart_id=${cartId}`)
  const option = ((options as Json).shipping_options as Json[]).find((o) => o.amount !== undefined) ?? (options as Json).shipping_options[0]
  if (!option) {
    throw new HttpError("no shipping option for the cart")
  }
  // 5: shipping method
  await s.post(mutation(ctx, `/store/carts/${cartId}/shipping-methods`), { option_id: option.id })
  // 6: payment collection
  const { body: pc } = await s.post(mutation(ctx, "/store/payment-collections"), { cart_id: cartId })
  const pcId = (pc as Json).payment_collection.id
  // 7: payment session
  await s.post(
    mutation(ctx, `/store/payment-collections/${pcId}/payment-sessions`),
    provider === "system"
      ? { provider_id: "pp_system_default" }
      : { provider_id: "pp_mpesa_mpesa", data: { phone: phoneFor(worker) } }
  )
  // 8: place the order
  const { body: done } = await s.post(mutation(ctx, `/store/carts/${cartId}/complete`), {})
  if ((done as Json).type !== "order") {
    throw new HttpError(`cart not completed: ${JSON.stringify(done).slice(0, 300)}`)
  }
  if (provider === "mpesa") {
    // End to end: until the shopper's status page says paid (callback settled, payment captured).
    // The cart id is the guest's proof of holding the payment (an order id alone is not).
    const deadline = Date.now() + 60_000
    for (;;) {
      const { body: st } = await s.get(`/store/mpesa/status?cart_id=${cartId}`)
      const status = (st as Json).status
      if (status === "paid") {
        break
      }
      if (status !== "pending") {
        throw new HttpError(`M-Pesa payment ended ${status}: ${JSON.stringify(st).slice(0, 200)}`)
      }
      if (Date.now() > deadline) {
        throw new HttpError("M-Pesa payment still pending after 60 s")
      }
      await new Promise((r) => setTimeout(r, STATUS_POLL_MS))
    }
  }
  return (done as Json).order.id as string
}
