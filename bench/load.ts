/**
 * The bench's load generator: a separate process (forked by bench/run.ts, so
 * the load never shares the server's event loop) that runs one scenario with N
 * concurrent keep-alive connections on loopback for a given time and reports
 * per-iteration latencies. A scenario iteration is what a shopper waits for:
 * one GET, or a sequence of calls (cart + line item, a whole checkout).
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
}

export type LoadRequest = {
  scenario: string
  ctx: BenchContext
  durationMs: number
  connections: number
}

export type LoadResult = {
  scenario: string
  iterations: number
  requests: number
  errors: number
  firstError?: string
  elapsedMs: number
  latenciesMs: number[]
}

const agent = new http.Agent({ keepAlive: true, maxSockets: 64 })

type Res = { status: number; body: unknown; bytes: number }

class HttpError extends Error {}

function call(
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
type Json = any

const WORDS = ["amani", "kikoi", "sandal", "jua", "basket", "nyota", "scarf", "pwani", "mug", "zawadi"]
const pick = <T>(list: T[]): T => list[Math.floor(Math.random() * list.length)]

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

type Counter = { requests: number }

function store(ctx: BenchContext, n: Counter) {
  const headers = { "x-publishable-api-key": ctx.publishableKey }
  return {
    get: (path: string) => {
      n.requests += 1
      return call(ctx, "GET", path, undefined, headers)
    },
    post: (path: string, body: unknown) => {
      n.requests += 1
      return call(ctx, "POST", path, body, headers)
    },
  }
}

const PRICE_FIELDS = "*variants.calculated_price"

/** A mutation's path, asking only for the id back when the client is lean (BenchContext.leanResponses). */
const mutation = (ctx: BenchContext, path: string) =>
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

async function checkout(ctx: BenchContext, n: Counter, provider: "system" | "mpesa", worker: number) {
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
}

/** Scenario.minRoundMs of the checkouts. */
export const CHECKOUT_MIN_ROUND_MS = 12_000

type Iteration = (ctx: BenchContext, n: Counter, worker: number) => Promise<void>

type Scenario = {
  label: string
  connections: number
  run: Iteration
  vanilla: boolean
  /**
   * Shortest measured round, for scenarios whose iterations take seconds: a
   * 3-s round of 4 checkouts holds one iteration per connection, too few for
   * a median to mean anything.
   */
  minRoundMs?: number
  /**
   * Every distinct store GET the scenario makes, requested once before the
   * warm-up so every configuration starts measuring with the same (full)
   * cache, whatever its speed during the warm-up.
   */
  prime?: (ctx: BenchContext) => string[]
}

const listPath = (ctx: BenchContext, offset: number) =>
  `/store/products?limit=20&offset=${offset}&region_id=${ctx.regionId}&fields=${PRICE_FIELDS}`
const pagePath = (ctx: BenchContext, handle: string) =>
  `/store/products?handle=${handle}&region_id=${ctx.regionId}&fields=${PRICE_FIELDS},+variants.inventory_quantity`
const searchPath = (ctx: BenchContext, word: string) =>
  `/store/products?q=${word}&limit=12&region_id=${ctx.regionId}&fields=${PRICE_FIELDS}`
const PAGES = 25

export const SCENARIOS: Record<string, Scenario> = {
  "product-list": {
    label: "Product list, 20 with calculated prices",
    connections: 10,
    vanilla: true,
    run: async (ctx, n) => {
      await store(ctx, n).get(listPath(ctx, 20 * Math.floor(Math.random() * PAGES)))
    },
    prime: (ctx) => Array.from({ length: PAGES }, (_, i) => listPath(ctx, 20 * i)),
  },
  "product-page": {
    label: "Product page (by handle, prices, stock)",
    connections: 10,
    vanilla: true,
    run: async (ctx, n) => {
      await store(ctx, n).get(pagePath(ctx, pick(ctx.products).handle))
    },
    prime: (ctx) => ctx.products.map((p) => pagePath(ctx, p.handle)),
  },
  search: {
    label: "Search (q=, 12 results with prices)",
    connections: 10,
    vanilla: true,
    run: async (ctx, n) => {
      await store(ctx, n).get(searchPath(ctx, pick(WORDS)))
    },
    prime: (ctx) => WORDS.map((w) => searchPath(ctx, w)),
  },
  "cart-add": {
    label: "Cart create + add line item",
    connections: 4,
    vanilla: true,
    run: async (ctx, n) => {
      const s = store(ctx, n)
      const { body } = await s.post(mutation(ctx, "/store/carts"), { region_id: ctx.regionId })
      await s.post(mutation(ctx, `/store/carts/${(body as Json).cart.id}/line-items`), {
        variant_id: pick(pick(ctx.products).variantIds),
        quantity: 1,
      })
    },
  },
  "shipping-options": {
    label: "Shipping options for a cart",
    connections: 10,
    vanilla: true,
    run: async (ctx, n, worker) => {
      const carts = ctx.shippingCarts ?? []
      await store(ctx, n).get(`/store/shipping-options?cart_id=${carts[worker % carts.length]}`)
    },
  },
  "checkout-system": {
    label: "Full checkout, system provider (8 calls)",
    connections: 4,
    minRoundMs: CHECKOUT_MIN_ROUND_MS,
    vanilla: true,
    run: (ctx, n, worker) => checkout(ctx, n, "system", worker),
  },
  "checkout-mpesa": {
    label: "Full checkout, M-Pesa until paid (8 calls + status polls)",
    connections: 4,
    minRoundMs: CHECKOUT_MIN_ROUND_MS,
    vanilla: false,
    run: (ctx, n, worker) => checkout(ctx, n, "mpesa", worker),
  },
  "mpesa-callback": {
    label: "M-Pesa callback ingestion (unmatched, recorded)",
    connections: 10,
    vanilla: false,
    run: async (ctx, n) => {
      n.requests += 1
      await call(ctx, "POST", `/hooks/daraja/stk/${ctx.callbackSecret}`, {
        Body: {
          stkCallback: {
            MerchantRequestID: `bench-${randomUUID()}`,
            CheckoutRequestID: `ws_CO_bench_${randomUUID().replace(/-/g, "")}`,
            ResultCode: 1032,
            ResultDesc: "Request cancelled by user",
          },
        },
      })
    },
  },
  "admin-orders": {
    label: "Admin order list (20, default fields)",
    connections: 4,
    vanilla: true,
    run: async (ctx, n) => {
      n.requests += 1
      await call(ctx, "GET", "/admin/orders?limit=20&offset=0&order=-created_at", undefined, {
        authorization: `Bearer ${ctx.adminToken}`,
      })
    },
  },
}

export async function runLoad(req: LoadRequest): Promise<LoadResult> {
  const scenario = SCENARIOS[req.scenario]
  if (!scenario) {
    throw new Error(`unknown scenario ${req.scenario}`)
  }
  const counter: Counter = { requests: 0 }
  const latencies: number[] = []
  let errors = 0
  let firstError: string | undefined
  const started = performance.now()
  const end = started + req.durationMs
  const worker = async (w: number) => {
    while (performance.now() < end) {
      const t0 = performance.now()
      try {
        await scenario.run(req.ctx, counter, w)
        latencies.push(performance.now() - t0)
      } catch (e) {
        errors += 1
        firstError ??= (e as Error).message
        if (!(e instanceof HttpError)) {
          await new Promise((r) => setTimeout(r, 100))
        }
      }
    }
  }
  await Promise.all(Array.from({ length: req.connections }, (_, w) => worker(w)))
  return {
    scenario: req.scenario,
    iterations: latencies.length,
    requests: counter.requests,
    errors,
    firstError,
    elapsedMs: performance.now() - started,
    latenciesMs: latencies,
  }
}

/** Requests each of the scenario's distinct GETs once (see Scenario.prime). */
export async function prime(req: LoadRequest): Promise<number> {
  const paths = SCENARIOS[req.scenario]?.prime?.(req.ctx) ?? []
  const n = { requests: 0 }
  const queue = [...paths]
  await Promise.all(
    Array.from({ length: req.connections }, async () => {
      for (let path = queue.shift(); path; path = queue.shift()) {
        await store(req.ctx, n).get(path)
      }
    })
  )
  return paths.length
}

/** Prepares what scenarios need from the running server (admin token, carts). */
export async function prepare(ctx: BenchContext, admin: { email: string; password: string }) {
  const login = await call(ctx, "POST", "/auth/user/emailpass", admin)
  const n = { requests: 0 }
  const carts = await Promise.all(Array.from({ length: 10 }, () => readyCart(ctx, n)))
  return { adminToken: (login.body as Json).token as string, shippingCarts: carts }
}

if (require.main === module && process.send) {
  process.on("message", async (msg: { type: string; req?: LoadRequest; ctx?: BenchContext; admin?: { email: string; password: string } }) => {
    try {
      if (msg.type === "prime" && msg.req) {
        process.send!({ ok: true, result: await prime(msg.req) })
      } else if (msg.type === "run" && msg.req) {
        process.send!({ ok: true, result: await runLoad(msg.req) })
      } else if (msg.type === "prepare" && msg.ctx && msg.admin) {
        process.send!({ ok: true, result: await prepare(msg.ctx, msg.admin) })
      } else if (msg.type === "exit") {
        // The harness is done with this load process (not a test: the bench has no test cases).
        process.exit(0)
      }
    } catch (e) {
      process.send!({ ok: false, error: (e as Error).message })
    }
  })
  process.send({ ready: true })
}
