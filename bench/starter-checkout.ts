/**
 * One guest purchase (one item, system payment provider) replayed as the
 * store API calls that Medusa's official Next.js starter's server makes for it
 * (medusajs/nextjs-starter-medusa @ 9818886, Next.js 15.3, @medusajs/js-sdk),
 * so the bench can compare Soko's backend and vanilla Medusa under the load a
 * stock Medusa storefront puts on them. bench/STARTER-CHECKOUT.md lists the
 * calls step by step with the starter's files and the assumptions.
 *
 * Only what reaches the backend in steady state is replayed: the starter
 * reads through Next's data cache (`cache: "force-cache"`, tags per browser),
 * so a read is made only when its cache key (URL, method, headers) has no
 * entry yet or one of its tags was revalidated since. Left out, because they
 * are served from that cache once any shopper has asked for them:
 *   GET /store/regions (Nav, and getRegion's in-process map; middleware keeps
 *     its own in-memory map for an hour)
 *   GET /store/regions/:id (ProductActionsWrapper → retrieveRegion)
 *   GET /store/products?...&handle= (product page + generateMetadata),
 *     ?...&id[0]= (ProductActionsWrapper), ?...&collection_id/tag_id (RelatedProducts)
 *   GET /store/collections?fields=*products&limit=100&offset=0 (Footer)
 *   GET /store/product-categories?fields=...&limit=100 (Footer)
 *   GET /store/payment-providers?region_id= (CheckoutForm)
 *   GET /store/locales (Nav) where it answers 200 (Medusa's translation flag on)
 * and the per-cart reads on the renders where their entry is still fresh.
 * Next caches 200s only: a guest's GET /store/customers/me (401), which every
 * page render asks for, and GET /store/locales where the flag is off (404),
 * reach the backend every time.
 *
 * The starter asks for no `fields` on mutations, so ctx.leanResponses is not
 * used: every mutation answers Medusa's default cart / collection.
 */
import { randomUUID } from "node:crypto"
import { ADDRESS, HttpError, pick, store, type BenchContext, type Counter, type Json } from "./client"
import { CHECKOUT_MIN_ROUND_MS } from "./config"

/** src/lib/data/cart.ts retrieveCart's default fields (spaces included: Medusa reads " *x" as "+*x"). */
const CART_FIELDS =
  "*items, *region, *items.product, *items.variant, *items.thumbnail, *items.metadata, +items.total, *promotions, +shipping_methods.name"
/** src/lib/data/orders.ts retrieveOrder. */
const ORDER_FIELDS = "*payment_collections.payments,*items,*items.metadata,*items.variant,*items.product"

/** The js-sdk serialises queries with qs (RFC 3986): everything but A-Z a-z 0-9 - . _ ~ is escaped. */
const enc = (s: string) => encodeURIComponent(s).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)

const cartPath = (cartId: string) => `/store/carts/${cartId}?fields=${enc(CART_FIELDS)}`
const optionsPath = (cartId: string) => `/store/shipping-options?cart_id=${cartId}`

/** A read the starter makes and whose error it swallows (`.catch(() => null)`): counted; false when it answered `status`. */
async function swallowed(res: Promise<unknown>, status: number): Promise<boolean> {
  try {
    await res
    return true
  } catch (e) {
    if (e instanceof HttpError && e.message.includes(` → ${status} `)) {
      return false
    }
    throw e
  }
}

/**
 * Whether the backend's GET /store/locales answered 200, per backend: then Next
 * holds it and Nav never asks again; while it answers 404 (translation flag
 * off, as on vanilla Medusa) Nav asks on every render of a (main) page.
 */
const localesCached = new Map<string, boolean>()

async function navLocales(ctx: BenchContext, n: Counter) {
  if (!localesCached.get(ctx.baseUrl)) {
    localesCached.set(ctx.baseUrl, await swallowed(store(ctx, n).get("/store/locales"), 404))
  }
}

/** retrieveCustomer (src/lib/data/customer.ts): a guest has no JWT, yet it asks; the 401 is never cached. */
const customer = (ctx: BenchContext, n: Counter) => swallowed(store(ctx, n).get(`/store/customers/me?fields=${enc("*orders")}`), 401)

/**
 * A render of a page under app/[countryCode]/(main): the layout awaits
 * retrieveCustomer, retrieveCart and listCartOptions in turn (the cart reads
 * only when `cartMiss`, i.e. right after the cart was created), then Nav,
 * Footer and the page render side by side (`page`: the page's own misses).
 */
async function mainRender(ctx: BenchContext, n: Counter, cartMiss?: string, page?: () => Promise<unknown>) {
  await customer(ctx, n)
  if (cartMiss) {
    await store(ctx, n).get(cartPath(cartMiss))
    // listCartOptions: tag "shippingOptions", which nothing revalidates; asked once per cart.
    await store(ctx, n).get(optionsPath(cartMiss))
  }
  await Promise.all([navLocales(ctx, n), page?.()])
}

/**
 * A render of app/[countryCode]/(checkout)/checkout (its layout reads nothing):
 * retrieveCart, retrieveCustomer, then CheckoutForm's listCartShippingMethods
 * and listCartPaymentMethods (the latter always cached). Returns the shipping
 * options when they were read.
 */
async function checkoutRender(ctx: BenchContext, n: Counter, cartId: string, miss: { cart: boolean; options: boolean }) {
  if (miss.cart) {
    await store(ctx, n).get(cartPath(cartId))
  }
  await customer(ctx, n)
  if (miss.options) {
    // Same URL as listCartOptions but `method: "GET"` is part of Next's cache key: its own entry, tag "fulfillment".
    const { body } = await store(ctx, n).get(optionsPath(cartId))
    return (body as Json).shipping_options as Json[]
  }
  return undefined
}

/** One purchase as the starter's server makes it; returns the order id. */
export async function starterCheckout(ctx: BenchContext, n: Counter): Promise<string> {
  const s = store(ctx, n)
  const variantId = pick(pick(ctx.products).variantIds)

  // (a) Product page, then again with ?v_id= (ProductActions router.replace()s once a variant is chosen,
  // or on mount for a one-variant product). Its product and region reads are cached.
  await mainRender(ctx, n)
  await mainRender(ctx, n)

  // (b) addToCart action: getOrSetCart finds no cart cookie, so it creates one (locale unset: no key),
  // then the line item; carts + fulfillment tags revalidated, so the action re-renders the product page.
  const { body: created } = await s.post("/store/carts", { region_id: ctx.regionId })
  const cartId = (created as Json).cart.id as string
  await s.post(`/store/carts/${cartId}/line-items`, { variant_id: variantId, quantity: 1 })
  await mainRender(ctx, n, cartId)

  // (c) Cart page: cart and shipping options are cache hits since (b).
  await mainRender(ctx, n)

  // (d) Checkout page (?step=address, from the cart's link): cart hit, its shipping-options entry is new.
  await checkoutRender(ctx, n, cartId, { cart: false, options: true })
  // setAddresses form action → updateCart (same object for billing: "same as shipping" is ticked),
  // revalidates carts + fulfillment, redirects to ?step=delivery, rendered in the same request.
  const address = { ...ADDRESS, address_2: "", company: "", province: "" }
  await s.post(`/store/carts/${cartId}`, {
    shipping_address: address,
    email: `bench-${randomUUID().slice(0, 8)}@example.com`,
    billing_address: address,
  })
  const options = (await checkoutRender(ctx, n, cartId, { cart: true, options: true })) ?? []
  // The shopper picks the first delivery option that is not a pickup (flat prices: no /calculate calls).
  const option = options.find((o) => o.service_zone?.fulfillment_set?.type !== "pickup") ?? options[0]
  if (!option) {
    throw new HttpError("no shipping option for the cart")
  }

  // (e) setShippingMethod action: revalidates carts only, the action re-renders ?step=delivery;
  // "Continue to payment" router.push()es ?step=payment, a fresh render with every read a hit.
  await s.post(`/store/carts/${cartId}/shipping-methods`, { option_id: option.id })
  await checkoutRender(ctx, n, cartId, { cart: true, options: false })
  await checkoutRender(ctx, n, cartId, { cart: false, options: false })

  // (f) "Continue to review": initiatePaymentSession action with the rendered cart, which has no
  // payment collection yet, so the js-sdk creates one first; carts revalidated, the action
  // re-renders ?step=payment, then router.push() renders ?step=review.
  const { body: pc } = await s.post("/store/payment-collections", { cart_id: cartId })
  const pcId = (pc as Json).payment_collection.id as string
  await s.post(`/store/payment-collections/${pcId}/payment-sessions`, { provider_id: "pp_system_default" })
  await checkoutRender(ctx, n, cartId, { cart: true, options: false })
  await checkoutRender(ctx, n, cartId, { cart: false, options: false })

  // (g) placeOrder action: complete (the js-sdk sends no body; `{}` is the same request to Medusa),
  // revalidates carts + orders, clears the cart cookie, redirects to the confirmation page.
  const { body: done } = await s.post(`/store/carts/${cartId}/complete`, {})
  if ((done as Json).type !== "order") {
    throw new HttpError(`cart not completed: ${JSON.stringify(done).slice(0, 300)}`)
  }
  const orderId = (done as Json).order.id as string

  // (h) Order confirmed page, rendered in the action's request: no cart cookie, so the layout reads
  // only the customer; the page reads the order (a new URL).
  await mainRender(ctx, n, undefined, () => s.get(`/store/orders/${orderId}?fields=${enc(ORDER_FIELDS)}`))
  return orderId
}

/** For bench/scenarios.ts SCENARIOS (the lead registers it). */
export const STARTER_CHECKOUT_SCENARIO = {
  label: "Full checkout as Medusa's Next.js starter calls the store API, system provider (26 calls, +5 where /store/locales 404s)",
  connections: 4,
  minRoundMs: CHECKOUT_MIN_ROUND_MS,
  group: "checkouts",
  vanilla: true,
  run: async (ctx: BenchContext, n: Counter) => {
    await starterCheckout(ctx, n)
  },
}
