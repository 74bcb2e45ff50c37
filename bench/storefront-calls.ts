/**
 * `checkout-storefront`: the store API calls Soko's storefront made for one
 * guest purchase, recorded from a real browser run (storefront/e2e/
 * checkout-capture.spec.mjs writes storefront-checkout.calls.json), replayed in
 * the same order with this run's ids. What is replayed is what reached the
 * backend after Next's data cache, the paths and `fields` exactly as sent;
 * bodies are not in Medusa's request log, so each write gets the body the
 * storefront sends for it (storefront/src/lib/data/*-actions.ts).
 */
import { existsSync, readFileSync } from "node:fs"
import path from "node:path"
import { ADDRESS, HttpError, pick, store, type BenchContext, type Counter, type Json } from "./client"

export type RecordedCall = { method: string; url: string }
export type CallTemplate = { method: "GET" | "POST" | "DELETE"; path: string }

/** The storefront's current recording; BENCH_STOREFRONT_CALLS replays another (an older storefront's, say). */
export const CALLS_FILE = process.env.BENCH_STOREFRONT_CALLS
  ? path.resolve(process.env.BENCH_STOREFRONT_CALLS)
  : path.join(__dirname, "storefront-checkout.calls.json")

/** Medusa's ids: a lower-case prefix and a 26-character ULID ("cart_01J…", "pay_col_01J…"). */
const MEDUSA_ID = /\b([a-z]+(?:_[a-z]+)*)_[0-9A-HJKMNP-TV-Z]{26}\b/g

/** Ids become `{prefix}`, a product handle in a query becomes `{handle}`: what a replay fills in. */
export function toTemplate(calls: RecordedCall[]): CallTemplate[] {
  return calls.map(({ method, url }) => {
    if (method !== "GET" && method !== "POST" && method !== "DELETE") {
      throw new Error(`recorded call ${method} ${url}: only GET, POST and DELETE are replayed`)
    }
    return { method, path: url.replace(MEDUSA_ID, "{$1}").replace(/([?&]handle=)[^&]+/g, "$1{handle}") }
  })
}

/** The template with this run's ids; a placeholder no earlier answer gave is an error naming it. */
export function fill(template: string, ids: Record<string, string>): string {
  return template.replace(/\{([a-z_]+)\}/g, (_, name: string) => {
    const id = ids[name]
    if (!id) {
      throw new HttpError(`replay: no {${name}} known yet for ${template}`)
    }
    return id
  })
}

/** An English shopper: no content locale (storefront/src/i18n/locales.ts), the shop language in the metadata. */
const LANGUAGE = { locale: null, metadata: { locale: "en" } }

const LINE_ITEMS = "/store/carts/{cart}/line-items"

/**
 * Whether a recording's storefront made the cart with its first item (since
 * 2026-12-07, storefront/src/lib/data/cart-actions.ts) rather than adding the
 * item in a second call, as older recordings show.
 */
export function itemsOnCreate(calls: CallTemplate[]): boolean {
  return !calls.some((c) => c.method === "POST" && c.path.split("?")[0] === LINE_ITEMS)
}

/**
 * The body the storefront sends with each write it makes in a purchase. The
 * cart is made (with its first item, `withItems`), updated once, at the
 * address step (email, addresses, language); the payment step keeps its
 * choice in a cookie (storefront/src/lib/checkout.ts).
 */
export function bodyFor(template: string, ids: Record<string, string>, email: string, withItems = true): Json {
  const route = template.split("?")[0]
  switch (route) {
    case "/store/carts":
      return { region_id: ids.reg, ...(withItems ? { items: [{ variant_id: ids.variant, quantity: 1 }] } : {}) }
    case LINE_ITEMS:
      return { variant_id: ids.variant, quantity: 1 }
    case "/store/carts/{cart}":
      return { email, shipping_address: ADDRESS, billing_address: ADDRESS, ...LANGUAGE }
    case "/store/carts/{cart}/shipping-methods":
      return { option_id: ids.so }
    case "/store/payment-collections":
      return { cart_id: ids.cart }
    case "/store/payment-collections/{pay_col}/payment-sessions":
      return { provider_id: "pp_system_default" }
    case "/store/carts/{cart}/complete":
      return {}
    default:
      throw new HttpError(`replay: no body known for POST ${route}; teach bench/storefront-calls.ts the storefront's`)
  }
}

/** The ids an answer hands the next calls: the cart, its payment collection, a shipping option, the order. */
export function learn(body: unknown, ids: Record<string, string>) {
  const b = (body ?? {}) as Json
  if (b.cart?.id) {
    ids.cart = b.cart.id
  }
  if (b.cart?.payment_collection?.id) {
    ids.pay_col = b.cart.payment_collection.id
  }
  if (b.payment_collection?.id) {
    ids.pay_col = b.payment_collection.id
  }
  const option = (b.shipping_options as Json[] | undefined)?.[0]
  if (option?.id) {
    ids.so = option.id
  }
  if (b.type === "order" && b.order?.id) {
    ids.order = b.order.id
  }
}

const recorded = new Map<string, CallTemplate[]>()

/** A recording's calls as templates (CALLS_FILE unless another recording is named). */
export function recordedCalls(file = CALLS_FILE): CallTemplate[] {
  let calls = recorded.get(file)
  if (!calls) {
    if (!existsSync(file)) {
      throw new Error(
        `${path.relative(process.cwd(), file)} is missing: record it with SOKO_CAPTURE_CHECKOUT=1 SOKO_E2E_LOG_LEVEL=http npx playwright test checkout-capture --project storefront`
      )
    }
    calls = toTemplate((JSON.parse(readFileSync(file, "utf8")) as { calls: RecordedCall[] }).calls)
    recorded.set(file, calls)
  }
  return calls
}

/** One purchase with a recording's calls; `onCall` gets each call's index and latency (bench/per-call.ts). */
export async function storefrontCheckout(
  ctx: BenchContext,
  n: Counter,
  onCall?: (index: number, ms: number) => void,
  calls = recordedCalls()
): Promise<string> {
  const s = store(ctx, n)
  const product = pick(ctx.products)
  const ids: Record<string, string> = { reg: ctx.regionId, prod: product.id, variant: pick(product.variantIds), handle: product.handle }
  const email = `bench-${Math.random().toString(36).slice(2, 10)}@example.com`
  const withItems = itemsOnCreate(calls)
  for (const [index, call] of calls.entries()) {
    const url = fill(call.path, ids)
    const started = performance.now()
    const { body } =
      call.method === "GET"
        ? await s.get(url)
        : call.method === "POST"
          ? await s.post(url, bodyFor(call.path, ids, email, withItems))
          : await s.delete(url)
    onCall?.(index, performance.now() - started)
    learn(body, ids)
  }
  if (!ids.order) {
    throw new HttpError("replay: the recorded calls placed no order")
  }
  return ids.order
}
