/** What the bench measures: one scenario iteration is what a shopper or merchant waits for. */
import { randomUUID } from "node:crypto"
import { call, checkout, mutation, pick, PRICE_FIELDS, store, WORDS, type BenchContext, type Counter, type Json } from "./client"
import { CATALOG_SCENARIOS } from "./catalog"
import { CHECKOUT_MIN_ROUND_MS } from "./config"
import { ADMIN_ORDER_SCENARIOS } from "./orders"
import { STARTER_CHECKOUT_SCENARIO } from "./starter-checkout"
import { storefrontCheckout } from "./storefront-calls"

type Iteration = (ctx: BenchContext, n: Counter, worker: number) => Promise<void>

export type Scenario = {
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
   * Scenarios of one group are measured together: their rounds alternate across every
   * scenario and configuration of the group, so the ratios between them (Soko's storefront ÷
   * the starter's, M-Pesa ÷ system) come from rounds in the same stretch of time.
   */
  group?: string
  /**
   * Every distinct store GET the scenario makes, requested once before the
   * warm-up so every configuration starts measuring with the same (full)
   * cache, whatever its speed during the warm-up.
   */
  prime?: (ctx: BenchContext) => string[]
  /** Needs Soko's hooks into Medusa's flows (order-rules' subscribers): not run on no-hooks. */
  needsHooks?: boolean
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
    group: "checkouts",
    vanilla: true,
    run: async (ctx, n, worker) => {
      await checkout(ctx, n, "system", worker)
    },
  },
  "checkout-storefront": {
    label: "Checkout as Soko's storefront makes it (recorded calls, cash on delivery)",
    connections: 4,
    minRoundMs: CHECKOUT_MIN_ROUND_MS,
    group: "checkouts",
    vanilla: true,
    run: async (ctx, n) => {
      await storefrontCheckout(ctx, n)
    },
  },
  "checkout-starter": STARTER_CHECKOUT_SCENARIO,
  "checkout-mpesa": {
    label: "Full checkout, M-Pesa until paid (8 calls + status polls)",
    connections: 4,
    minRoundMs: CHECKOUT_MIN_ROUND_MS,
    group: "checkouts",
    vanilla: false,
    run: async (ctx, n, worker) => {
      await checkout(ctx, n, "mpesa", worker)
    },
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
  ...CATALOG_SCENARIOS,
  ...ADMIN_ORDER_SCENARIOS,
}

