/**
 * The shopper journeys the browser tests walk through, on a 360-px-wide phone.
 * Each gets a fresh browser context (no cookies) and the running stack.
 */
import assert from "node:assert/strict"

/** Simulator numbers (packages/daraja-simulator/README.md). */
export const PAYS = "0708374149"
export const CANCELS = "0700000001"
/** Daraja cannot reach this phone: 1037 DS timeout (with its callback). */
export const UNREACHABLE = "0700000011"
export const PROMO = "KARIBU10"

/** The running stack's addresses, as Playwright's global setup (integration-tests/e2e/stack.ts) hands them over. */
export function stackFromEnv() {
  return {
    storefrontUrl: (process.env.SOKO_E2E_STOREFRONT_URL ?? "http://localhost:8000").replace(/\/$/, ""),
    backendUrl: (process.env.SOKO_E2E_BACKEND_URL ?? "http://localhost:9000").replace(/\/$/, ""),
    simulatorUrl: (process.env.SOKO_E2E_SIMULATOR_URL ?? "http://127.0.0.1:9010").replace(/\/$/, ""),
    publishableKey: process.env.SOKO_E2E_PUBLISHABLE_KEY ?? "",
  }
}

/** fetch that waits out a backend restart (connection refused) for up to 30 s. */
async function backendFetch(url, init) {
  const deadline = Date.now() + 30_000
  for (;;) {
    try {
      return await fetch(url, init)
    } catch (error) {
      if (Date.now() > deadline) {
        throw error
      }
      await new Promise((r) => setTimeout(r, 1000))
    }
  }
}

/** Opens a page and waits until React has hydrated it (clicks before that are replayed, which tests should not rely on). */
export async function go(page, url) {
  await page.goto(url)
  await hydrated(page)
}

/**
 * React has hydrated the page: the shell (html[data-hydrated]) and, on streamed
 * pages, the page's own Suspense boundary, which hydrates later and apart from
 * the shell (a click before that may be swallowed or replayed).
 */
export async function hydrated(page, options) {
  await page.waitForFunction(
    () =>
      document.documentElement.dataset.hydrated === "true" &&
      !document.querySelector('.page[aria-busy="true"]') &&
      [...document.querySelectorAll("[data-boundary-hydrated]")].every((e) => e.getAttribute("data-boundary-hydrated") === "true"),
    undefined,
    options
  )
}

/** Waits until a soft navigation has rendered (no loading skeleton left). */
async function settled(page) {
  await hydrated(page)
}

async function storeApi(stack, path) {
  const res = await backendFetch(`${stack.backendUrl}${path}`, { headers: { "x-publishable-api-key": stack.publishableKey } })
  assert.equal(res.status, 200, `GET ${path} → ${res.status}`)
  return res.json()
}

async function adminToken(stack) {
  const res = await backendFetch(`${stack.backendUrl}/auth/user/emailpass`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ email: process.env.SOKO_ADMIN_EMAIL || "admin@example.com", password: process.env.SOKO_ADMIN_PASSWORD || "supersecret" }),
  })
  assert.equal(res.status, 200, "admin login for test setup")
  return (await res.json()).token
}

/** A 10% promo code, created through the admin API when the shop has none. */
export async function ensurePromotion(stack) {
  const token = await adminToken(stack)
  const headers = { authorization: `Bearer ${token}`, "content-type": "application/json" }
  const found = await (await backendFetch(`${stack.backendUrl}/admin/promotions?code=${PROMO}&fields=id`, { headers })).json()
  if (found.promotions?.length) {
    return
  }
  const res = await backendFetch(`${stack.backendUrl}/admin/promotions`, {
    method: "POST",
    headers,
    body: JSON.stringify({
      code: PROMO,
      type: "standard",
      status: "active",
      is_automatic: false,
      application_method: { type: "percentage", target_type: "order", value: 10, allocation: "across" },
    }),
  })
  assert.equal(res.status, 200, `creating promotion ${PROMO}`)
}

/** The simulator's open prompt for a phone (254…), once the backend has sent it. */
async function waitForPrompt(stack, msisdn) {
  const deadline = Date.now() + 30_000
  while (Date.now() < deadline) {
    const prompts = await (await backendFetch(`${stack.simulatorUrl}/__simulator/prompts`)).json()
    const list = Array.isArray(prompts) ? prompts : (prompts.prompts ?? [])
    const found = list.filter((p) => String(p.phoneNumber ?? p.partyA ?? "").endsWith(msisdn.slice(-9))).at(-1)
    if (found) {
      return found.checkoutRequestId ?? found.CheckoutRequestID ?? found.id
    }
    await new Promise((r) => setTimeout(r, 500))
  }
  throw new Error(`No M-Pesa prompt reached ${msisdn}`)
}

/** Prices as numbers from the product cards on the page, in order. */
async function cardPrices(page) {
  return page.getByTestId("product-price").evaluateAll((els) => els.map((e) => Number(e.getAttribute("data-amount"))))
}

async function cardTitles(page) {
  return page.locator('[data-testid="product-card"] h3').allTextContents()
}

async function openFilters(page) {
  const details = page.locator("details.filters")
  if (!(await details.evaluate((d) => d.open))) {
    await details.locator("summary").click()
  }
}

export async function addToCart(page, base, handle, choose = {}) {
  await go(page, `${base}/ke/products/${handle}`)
  for (const [, value] of Object.entries(choose)) {
    await page.getByRole("radio", { name: new RegExp(`^${value}`) }).check()
  }
  await page.getByTestId("add-to-cart").click()
  await page.getByTestId("added-notice").waitFor()
}

/** Fields by name, so that the same steps fill the form in either language. */
async function fillKenyanAddress(page, { email, phone, first = "Akinyi", last = "Otieno" }) {
  const form = page.getByTestId("address-form")
  if (email) {
    await form.locator('input[name="email"]').fill(email)
  }
  await form.locator('input[name="first_name"]').fill(first)
  await form.locator('input[name="last_name"]').fill(last)
  await form.locator('input[name="phone"]').fill(phone)
  await form.locator('select[name="province"]').selectOption("Nairobi")
  await form.locator('input[name="city"]').fill("Westlands")
  await form.locator('input[name="address_1"]').fill("Waiyaki Way, ABC Place")
}

/** From the cart to the review step, paying with `method` ("mpesa" | "manual"). */
export async function checkout(page, base, { email, phone, method, mpesaPhone, shot }) {
  await go(page, `${base}/ke/checkout`)
  await page.getByTestId("address-form").waitFor()
  await fillKenyanAddress(page, { email, phone })
  await shot?.("checkout-1-address")
  await page.getByTestId("address-continue").click()
  await page.getByTestId("delivery-form").waitFor()
  await page.getByLabel(/Nairobi same-day delivery/).check()
  await shot?.("checkout-2-delivery")
  await page.getByTestId("delivery-continue").click()
  await page.getByTestId("payment-form").waitFor()
  await page.locator(`#pay-${method}`).check()
  if (method === "mpesa") {
    const mpesaNumber = page.locator('input[name="mpesa_phone"]')
    const prefilled = await mpesaNumber.inputValue()
    assert.equal(prefilled.replace(/\s/g, ""), phone.replace(/\s/g, ""), "the M-Pesa number is pre-filled from the address")
    if (mpesaPhone) {
      await mpesaNumber.fill(mpesaPhone)
    }
  }
  await shot?.("checkout-3-payment")
  await page.getByTestId("payment-continue").click()
  await page.getByTestId("place-order").waitFor()
  await shot?.("checkout-4-review")
}

/** The page's path: order pages carry the order-link token in their query string. */
const pathOf = (page) => new URL(page.url()).pathname

/**
 * Places the order and waits for the page it leads to. If the form shows an
 * error instead (e.g. M-Pesa refused the prompt), fails at once with it.
 */
export async function placeOrder(page, next, { timeout = 60_000 } = {}) {
  await page.getByTestId("place-order").click()
  const error = page.getByTestId("form-error")
  const moved = page.waitForURL(next, { timeout }).then(
    () => "moved",
    (e) => e
  )
  const refused = error.waitFor({ timeout }).then(
    () => "refused",
    () => "no error"
  )
  const first = await Promise.race([moved, refused])
  if (first === "refused" && !next.test(page.url())) {
    throw new Error(`placing the order failed: ${(await error.textContent()).trim()}`)
  }
  const outcome = first === "moved" ? first : await moved
  if (outcome instanceof Error) {
    throw outcome
  }
}

/** Nothing sticks out sideways (no horizontal scrolling on a phone). */
async function fitsTheScreen(page) {
  return page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)
}

async function orderNumber(page) {
  return (await page.getByTestId("order-number").textContent()).replace(/\D/g, "")
}

export const journeys = [
  {
    name: "catalog: search, filter and sort find the right products",
    async run({ page, base, stack, shot, log }) {
      await go(page, `${base}/ke`)
      await page.getByRole("heading", { level: 1 }).waitFor()
      await shot("home")

      // Search from the header.
      await page.getByRole("searchbox", { name: "Search products" }).fill("coffee")
      await page.getByRole("searchbox", { name: "Search products" }).press("Enter")
      await page.waitForURL(/\/ke\/store\?q=coffee/)
      await hydrated(page)
      assert.deepEqual(await cardTitles(page), ["Kenya AA Coffee"])
      await go(page, `${base}/ke/store?q=kikapu-that-does-not-exist`)
      await page.getByTestId("empty-results").waitFor()

      // Category filter through the filter form.
      await go(page, `${base}/ke/store`)
      await openFilters(page)
      await page.getByRole("checkbox", { name: "Electronics" }).check()
      await page.waitForURL(/category=electronics/)
      await hydrated(page)
      assert.deepEqual((await cardTitles(page)).sort(), ["Power Bank 10,000 mAh", "Solar Lantern"])

      // Sort by price across the whole catalog, continued on page 2.
      const { products } = await storeApi(
        stack,
        `/store/products?limit=200&fields=id,title,*variants.calculated_price&region_id=${(await storeApi(stack, "/store/regions")).regions.find((r) => r.currency_code === "kes").id}`
      )
      const expected = products
        .map((p) => ({ title: p.title, price: Math.min(...p.variants.map((v) => v.calculated_price.calculated_amount)) }))
        .sort((a, b) => a.price - b.price)
      await go(page, `${base}/ke/store`)
      await page.getByTestId("sort").selectOption("price_asc")
      await page.waitForURL(/sort=price_asc/)
      await hydrated(page)
      const first = await cardPrices(page)
      assert.ok(first.length > 0 && first.length <= 12)
      assert.deepEqual(first, [...first].sort((a, b) => a - b), "page 1 is in price order")
      assert.equal(first[0], expected[0].price, "the cheapest product in the whole catalog comes first")
      await shot("catalog-sorted-by-price")
      if (expected.length > first.length) {
        await page.getByTestId("next-page").click()
        await page.waitForURL(/page=2/)
        await settled(page)
        const second = await cardPrices(page)
        assert.ok(second[0] >= first.at(-1), "page 2 continues where page 1 ended")
        assert.equal(second.at(-1), expected.at(-1).price, "the dearest product is last")
      }
      await go(page, `${base}/ke/store?sort=price_desc`)
      assert.equal((await cardPrices(page))[0], expected.at(-1).price)

      // Price range and option filters.
      await go(page, `${base}/ke/store?min=1000&max=2000&sort=price_asc`)
      const ranged = await cardPrices(page)
      assert.ok(ranged.length > 0 && ranged.every((p) => p >= 1000 && p <= 2000), `prices in range: ${ranged}`)
      assert.equal(ranged.length, expected.filter((e) => e.price >= 1000 && e.price <= 2000).length)
      await go(page, `${base}/ke/store`)
      await openFilters(page)
      await page.getByRole("checkbox", { name: "Red", exact: true }).check()
      await page.waitForURL(/opt=Color%3ARed/)
      await hydrated(page)
      assert.deepEqual(await cardTitles(page), ["Maasai Shuka Blanket"])
      await shot("catalog-filtered")

      // Product page: variants, stock state, sold-out variant.
      await go(page, `${base}/ke/products/power-bank`)
      await page.getByTestId("buy-box").waitFor()
      // Pictures come from the shop's own origin and load (a 404 is only a console warning).
      await page.waitForLoadState("load")
      const pictures = await page.locator("main img").evaluateAll((imgs) => imgs.map((i) => ({ src: i.getAttribute("src"), ok: !i.complete || i.naturalWidth > 0 })))
      assert.ok(pictures.length > 0 && pictures.every((p) => p.src.startsWith("/")), `same-origin pictures: ${JSON.stringify(pictures)}`)
      assert.deepEqual(pictures.filter((p) => !p.ok), [], "every loaded picture decodes")
      await page.getByRole("radio", { name: /^White/ }).check()
      assert.match(await page.getByTestId("stock-state").textContent(), /Sold out/)
      assert.equal(await page.getByTestId("add-to-cart").isDisabled(), true)
      await page.getByRole("radio", { name: /^Black/ }).check()
      assert.match(await page.getByTestId("stock-state").textContent(), /In stock/)
      await shot("product")
      log(`${expected.length} products checked`)
    },
  },

  {
    name: "language: the shopper switches to Kiswahili and the shop stays in Kiswahili",
    async run({ page, context, base, shot, log }) {
      // English by default (the browser asks for en-KE), with both languages named as alternates.
      await go(page, `${base}/ke`)
      assert.equal(await page.locator("html").getAttribute("lang"), "en-KE")
      const alternates = await page.locator('link[rel="alternate"][hreflang]').evaluateAll((links) =>
        Object.fromEntries(links.map((l) => [l.getAttribute("hreflang"), new URL(l.href).pathname + new URL(l.href).search]))
      )
      assert.deepEqual(alternates, { "x-default": "/ke", "en-KE": "/ke?lang=en", "sw-KE": "/ke?lang=sw" })

      // The header's switch: the same page, now in Swahili.
      await page.getByTestId("language-picker").selectOption("sw")
      await page.waitForURL(/\/ke\?lang=sw/)
      await hydrated(page)
      await page.getByRole("heading", { level: 1, name: "Imetengenezwa Kenya, tunakuletea mlangoni" }).waitFor()
      assert.equal(await page.locator("html").getAttribute("lang"), "sw-KE")
      assert.match(await page.getByTestId("cart-link").textContent(), /Kikapu/)
      assert.ok(await fitsTheScreen(page), "the Swahili header fits a 360-px screen")
      // Collection titles come from the store API in Swahili (Medusa's Translation Module).
      await page.getByRole("heading", { level: 2, name: "Zinazouzwa Zaidi" }).waitFor()
      await shot("home-sw")

      // Plain links keep the language (the cookie remembers it): product, then the cart.
      // The product's options are Swahili too (Grind: Ground).
      await addToCart(page, base, "kenya-aa-coffee", { Usagaji: "Iliyosagwa" })
      assert.match(await page.getByTestId("add-to-cart").textContent(), /Weka kwenye kikapu/)
      await go(page, `${base}/ke/cart`)
      await page.getByRole("heading", { level: 1, name: "Kikapu chako" }).waitFor()
      assert.match(await page.getByTestId("checkout-button").textContent(), /Endelea kulipa/)
      assert.match(await page.getByTestId("grand-total").textContent(), /^KES [\d,]+$/)
      assert.ok(await fitsTheScreen(page), "the Swahili cart fits a 360-px screen")
      await shot("cart-sw")

      // A reload and a soft navigation stay in Swahili.
      await page.reload()
      await hydrated(page)
      await page.getByRole("heading", { level: 1, name: "Kikapu chako" }).waitFor()
      await page.getByRole("link", { name: "Bidhaa zote" }).first().click()
      await page.waitForURL(/\/ke\/store/)
      await hydrated(page)
      await page.getByRole("heading", { level: 1, name: "Bidhaa zote" }).waitFor()

      // Product content in Swahili too: the search finds the coffee by its Swahili name, and the
      // card, the product page, its breadcrumb (the category's name) and its title say it in Swahili.
      // (The engine is typo-tolerant: weaker matches such as "kawaida" in another description follow.)
      await go(page, `${base}/ke/store?q=kahawa`)
      assert.equal((await cardTitles(page))[0], "Kahawa ya Kenya AA")
      await page.getByRole("link", { name: "Kahawa ya Kenya AA" }).click()
      await page.waitForURL(/\/ke\/products\/kenya-aa-coffee/)
      await hydrated(page)
      await page.getByRole("heading", { level: 1, name: "Kahawa ya Kenya AA" }).waitFor()
      assert.match(await page.locator("nav.breadcrumbs").textContent(), /Kahawa na Chai/)
      assert.match(await page.title(), /Kahawa ya Kenya AA/)
      await shot("product-sw")

      // And back: ?lang=en wins over the cookie and becomes the new choice.
      await go(page, `${base}/ke/cart?lang=en`)
      await page.getByRole("heading", { level: 1, name: "Your cart" }).waitFor()
      // The same search in English gets English cards: the language is part of what Next caches.
      await go(page, `${base}/ke/store?q=kahawa`)
      const english = await cardTitles(page)
      assert.equal(english[0], "Kenya AA Coffee")
      assert.ok(!english.includes("Kahawa ya Kenya AA"), `English cards: ${english}`)
      await go(page, `${base}/ke`)
      assert.equal(await page.locator("html").getAttribute("lang"), "en-KE")

      // A first visit from a Swahili browser starts in Swahili.
      const swahili = await context.browser().newContext({ locale: "sw-KE" })
      try {
        const first = await swahili.newPage()
        await first.goto(`${base}/ke`)
        assert.equal(await first.locator("html").getAttribute("lang"), "sw-KE")
      } finally {
        await swahili.close()
      }
      log("home, product, cart and catalog in Kiswahili, product content too; choice kept across reload and navigation")
    },
  },

  {
    name: "Kiswahili checkout: the cart, the order and its messages stay in Kiswahili",
    async run({ page, base, stack, shot, log }) {
      // The catalog's option filters are worded in Kiswahili; the link keeps the English key.
      await go(page, `${base}/ke/store?lang=sw`)
      await openFilters(page)
      await page.getByRole("group", { name: "Usagaji" }).getByRole("checkbox", { name: "Iliyosagwa" }).check()
      await page.waitForURL(/opt=Grind%3AGround/)
      await hydrated(page)
      assert.deepEqual(await cardTitles(page), ["Kahawa ya Kenya AA"])
      assert.match(await page.getByRole("list", { name: "Vichujio vinavyotumika" }).textContent(), /Usagaji: Iliyosagwa/)

      await addToCart(page, base, "kenya-aa-coffee", { Usagaji: "Maharagwe mazima" })
      await page.getByRole("group", { name: /^Usagaji/ }).waitFor()
      await go(page, `${base}/ke/cart`)
      // Medusa titles the line item in the cart's language (the storefront sets the cart's locale).
      const line = page.getByTestId("line-item")
      assert.match(await line.textContent(), /Kahawa ya Kenya AA/)
      assert.match(await line.textContent(), /Maharagwe mazima/)

      const email = `mgeni-${Date.now()}@example.com`
      await checkout(page, base, { email, phone: "0708 374 149", method: "mpesa", shot })
      assert.match(await page.getByTestId("place-order").textContent(), /M-Pesa/)
      await placeOrder(page, /\/order\/[^/]+\/(pay|confirmed)(\?.*)?$/)
      await page.waitForURL(/\/confirmed(\?.*)?$/, { timeout: 60_000 })
      await page.getByTestId("order-confirmed").waitFor()
      assert.equal(await page.locator("html").getAttribute("lang"), "sw-KE")
      await shot("order-confirmed-sw")

      // The order keeps the language, and the notifications plugin writes the shopper's messages in it.
      const orderId = decodeURIComponent(pathOf(page).split("/")[3])
      const token = await adminToken(stack)
      const headers = { authorization: `Bearer ${token}` }
      const { order } = await (await backendFetch(`${stack.backendUrl}/admin/orders/${orderId}?fields=locale,metadata,items.product_title`, { headers })).json()
      assert.equal(order.locale, "sw-KE")
      // The shop language, for the notifications plugin (an English order has no content locale).
      assert.equal(order.metadata?.locale, "sw")
      assert.deepEqual(order.items.map((i) => i.product_title), ["Kahawa ya Kenya AA"])
      let placed = []
      const deadline = Date.now() + 30_000
      while (placed.length < 2 && Date.now() < deadline) {
        const entries = await (await backendFetch(`${stack.backendUrl}/admin/orders/${orderId}/notification-log`, { headers })).json()
        placed = (entries.messages ?? []).filter((m) => m.template === "order-placed")
        await new Promise((r) => setTimeout(r, 500))
      }
      assert.deepEqual(placed.map((m) => [m.channel, m.locale]).sort(), [["email", "sw"], ["sms", "sw"]])
      assert.match(placed.find((m) => m.channel === "email").subject, /^Agizo #\d+ limethibitishwa/)
      log(`order ${orderId}: locale sw-KE, Swahili item title, order-placed email and SMS in Kiswahili`)
    },
  },

  {
    name: "guest buys two items with M-Pesa, sees the confirmation and tracks the order",
    async run({ page, base, stack, shot, log }) {
      await ensurePromotion(stack)
      await addToCart(page, base, "kenya-aa-coffee", { Grind: "Ground" })
      await addToCart(page, base, "maasai-shuka", { Color: "Blue" })
      await go(page, `${base}/ke/cart`)
      assert.equal(await page.getByTestId("line-item").count(), 2)
      assert.equal((await page.getByTestId("cart-count").textContent()).trim(), "2")
      await page.getByLabel("Promo code").fill(PROMO)
      await page.getByRole("button", { name: "Apply" }).click()
      await page.getByTestId("applied-promo").waitFor()
      await page.getByTestId("discount-total").waitFor()
      await shot("cart")

      const email = `guest-${Date.now()}@example.com`
      await checkout(page, base, { email, phone: "0708 374 149", method: "mpesa", shot })
      assert.match(await page.getByTestId("place-order").textContent(), /with M-Pesa/)
      await placeOrder(page, /\/order\/[^/]+\/(pay|confirmed)(\?.*)?$/)
      if (pathOf(page).endsWith("/pay")) {
        // The simulator may approve before the page is even drawn; then it moves on by itself.
        const shown = await page
          .getByTestId("mpesa-status")
          .waitFor({ timeout: 5_000 })
          .then(() => true)
          .catch(() => false)
        if (shown && pathOf(page).endsWith("/pay")) {
          await shot("mpesa-check-your-phone")
        }
        await page.waitForURL(/\/confirmed(\?.*)?$/, { timeout: 60_000 })
      }
      await page.getByTestId("order-confirmed").waitFor()
      assert.match(await page.getByTestId("payment-state").textContent(), /Paid KES [\d,]+ with M-Pesa/)
      const number = await orderNumber(page)
      await shot("order-confirmed")
      log(`order #${number} paid`)

      await page.getByTestId("track-link").click()
      await page.waitForURL(/\/track/)
      await page.getByTestId("track-form").waitFor()
      assert.equal(await page.getByLabel("Order number").inputValue(), number)
      assert.equal(await page.getByLabel("Email").inputValue(), email)
      await page.getByTestId("track-submit").click()
      await page.getByTestId("tracking-result").waitFor({ timeout: 30_000 })
      assert.match(await page.getByTestId("tracking-result").textContent(), new RegExp(`#${number}`))
      assert.match(await page.getByTestId("tracking-timeline").textContent(), /Paid/)
      await shot("order-tracking")
    },
  },

  {
    name: "M-Pesa payment cancelled on the phone, then retried, succeeds",
    async run({ page, base, stack, shot }) {
      await addToCart(page, base, "kericho-gold-tea", { Pack: "100 bags" })
      await checkout(page, base, { email: `retry-${Date.now()}@example.com`, phone: "0712 345 678", mpesaPhone: CANCELS, method: "mpesa" })
      await placeOrder(page, /\/pay(\?.*)?$/)
      await page.locator('[data-testid="mpesa-status"][data-status="cancelled"]').waitFor({ timeout: 60_000 })
      assert.match(await page.getByTestId("mpesa-headline").textContent(), /cancelled/i)
      assert.match(await page.getByTestId("mpesa-message").textContent(), /cancel/i)
      await shot("mpesa-cancelled")
      // A guest retries on the same phone (the backend never re-targets another phone for a guest,
      // so the page offers no number field, only the masked number the prompt goes to);
      // this time the shopper approves it.
      assert.match(await page.getByTestId("retry-same-phone").textContent(), /\*\*\*/)
      assert.equal(await page.getByLabel(/M-Pesa number/).count(), 0)
      const outcome = `${stack.simulatorUrl}/__simulator/outcomes/254${CANCELS.slice(1)}`
      await backendFetch(outcome, { method: "PUT", headers: { "content-type": "application/json" }, body: JSON.stringify({ resultCode: 0 }) })
      try {
        await page.getByTestId("mpesa-retry-button").click()
        await page.waitForURL(/\/confirmed(\?.*)?$/, { timeout: 60_000 })
      } finally {
        await backendFetch(outcome, { method: "DELETE" })
      }
      assert.match(await page.getByTestId("payment-state").textContent(), /Paid KES [\d,]+ with M-Pesa/)
    },
  },

  {
    name: "M-Pesa: shopper leaves the check-your-phone page, pays on the phone, comes back to a paid order",
    async run({ page, base, stack, shot, log }) {
      // A fresh number each run: Daraja refuses the same phone + amount twice within two minutes.
      const digits = String(Math.floor(100000 + Math.random() * 899999))
      const phone = `0711 ${digits.slice(0, 3)} ${digits.slice(3)}`
      await addToCart(page, base, "beaded-bracelet", { Color: "Rainbow" })
      await checkout(page, base, { email: `later-${Date.now()}@example.com`, phone, method: "mpesa" })
      await placeOrder(page, /\/pay(\?.*)?$/)
      const payUrl = page.url()
      await page.locator('[data-testid="mpesa-status"][data-status="pending"]').waitFor()
      assert.match(await page.getByTestId("mpesa-status").textContent(), /Look for the M-Pesa prompt/)
      await shot("mpesa-check-your-phone")

      // The shopper wanders off; the prompt waits on the (simulated) phone.
      await go(page, `${base}/ke`)
      const prompt = await waitForPrompt(stack, `254711${digits}`)
      const approved = await backendFetch(`${stack.simulatorUrl}/__simulator/prompts/${prompt}/approve`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ pin: "1234" }),
      })
      assert.equal(approved.status, 200, "the simulator took the PIN")
      log("paid on the phone")

      // Back on the payment page later: it knows, and moves on to the confirmation.
      await go(page, payUrl)
      await page.waitForURL(/\/confirmed(\?.*)?$/, { timeout: 60_000 })
      assert.match(await page.getByTestId("payment-state").textContent(), /Paid KES [\d,]+ with M-Pesa/)
    },
  },

  {
    name: "M-Pesa prompt cannot reach the phone (1037): the shopper pays the paybill shown, the page turns paid",
    async run({ page, context, base, stack, shot, log }) {
      // The shop's C2B URLs are registered after start-up; make sure before paying by paybill.
      const token = await adminToken(stack)
      const registered = await backendFetch(`${stack.backendUrl}/admin/mpesa/c2b/registration`, {
        method: "POST",
        headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
        body: "{}",
      })
      assert.equal(registered.status, 200, "C2B is on in the e2e stack (MPESA_C2B_SHORTCODE) and its URLs register")

      await addToCart(page, base, "kericho-gold-tea", { Pack: "100 bags" })
      await checkout(page, base, { email: `paybill-${Date.now()}@example.com`, phone: "0712 345 678", mpesaPhone: UNREACHABLE, method: "mpesa" })
      await placeOrder(page, /\/pay(\?.*)?$/)
      await page.locator('[data-testid="mpesa-status"][data-status="expired"]').waitFor({ timeout: 60_000 })
      // The panel opens by itself: nobody clicks "Pay another way".
      const panel = page.getByTestId("pay-another-way")
      await panel.waitFor()
      assert.equal(await page.getByTestId("pay-another-way-button").count(), 0)
      const number = await page.getByTestId("c2b-number").getAttribute("data-value")
      const account = await page.getByTestId("c2b-account").getAttribute("data-value")
      const amount = await page.getByTestId("c2b-amount").getAttribute("data-value")
      assert.equal(number, "600984")
      assert.match(account, /^\d+$/, "the account is the order number")
      assert.ok(Number(amount) > 0, `an amount to pay: ${amount}`)
      assert.match(await page.getByTestId("c2b-amount").textContent(), /^KES [\d,]+$/)
      assert.match(await page.getByTestId("c2b-steps").textContent(), /Lipa na M-Pesa → Paybill/)
      // A phone-sized screen gets no QR code (it could not scan itself).
      assert.equal(await page.getByTestId("c2b-qr").isVisible(), false)
      await shot("pay-another-way")

      // On the (simulated) phone: Lipa na M-Pesa → Pay bill, with what the page shows.
      const phone = await context.newPage()
      await phone.goto(`${stack.simulatorUrl}/phone`)
      await phone.getByTestId("paybill-business-number").fill(number)
      await phone.getByTestId("paybill-account-number").fill(account)
      await phone.getByTestId("paybill-amount").fill(amount)
      await phone.getByTestId("paybill-submit").click()
      await phone.getByTestId("c2b-result").filter({ hasText: /\S/ }).waitFor()
      log(`paid paybill ${number} account ${account}: ${(await phone.getByTestId("c2b-result").textContent()).trim()}`)
      await phone.close()

      // The storefront was following the paybill payment: it moves on to the confirmation.
      await page.waitForURL(/\/confirmed(\?.*)?$/, { timeout: 90_000 })
      await page.getByTestId("order-confirmed").waitFor()
      assert.match(await page.getByTestId("payment-state").textContent(), /Paid KES [\d,]+/)
      await shot("paid-by-paybill")
    },
  },

  {
    name: "shopper registers, buys, and finds the order in their account",
    async run({ page, base, shot, log }) {
      const email = `shopper-${Date.now()}@example.com`
      await go(page, `${base}/ke/account/register`)
      await shot("account-register")
      await page.getByLabel("First name").fill("Wanjiru")
      await page.getByLabel("Last name").fill("Njoroge")
      await page.getByLabel("Email").fill(email)
      await page.getByLabel("Mobile number").fill("0722 000 111")
      await page.getByLabel("Password", { exact: true }).fill("karibu-sana-2026")
      await page.getByTestId("register-submit").click()
      await page.waitForURL(/\/ke\/account$/)
      assert.match(await page.getByRole("heading", { level: 1 }).textContent(), /Wanjiru/)

      await addToCart(page, base, "kikoi-wrap", { Color: "Sunset" })
      await go(page, `${base}/ke/checkout`)
      await page.getByTestId("address-form").waitFor()
      assert.equal(await page.getByLabel("Email").count(), 0, "a signed-in shopper isn't asked for their email")
      assert.equal(await page.getByLabel("First name").inputValue(), "Wanjiru")
      await fillKenyanAddress(page, { phone: "0722 000 111", first: "Wanjiru", last: "Njoroge" })
      await page.getByTestId("address-continue").click()
      await page.getByTestId("delivery-continue").click()
      await page.locator("#pay-manual").check()
      await page.getByTestId("payment-continue").click()
      await placeOrder(page, /\/order\/[^/]+\/confirmed(\?.*)?$/)
      await page.getByTestId("order-confirmed").waitFor()
      assert.match(await page.getByTestId("payment-state").textContent(), /Pay on delivery/)
      const number = await orderNumber(page)
      log(`order #${number} placed`)

      await go(page, `${base}/ke/account/orders`)
      await page.getByTestId(`order-${number}`).click()
      await page.waitForURL(/\/ke\/account\/orders\/.+/)
      assert.match(await page.getByRole("heading", { level: 1 }).textContent(), new RegExp(`#${number}`))
      await shot("account-order")
      await go(page, `${base}/ke/account/addresses`)
      // The checkout address was saved to the account.
      await page.locator("address", { hasText: "Waiyaki Way" }).first().waitFor()
      await go(page, `${base}/ke/account`)
      await shot("account")

      // Order messages: SMS off and in Kiswahili, saved to the notifications plugin's preferences.
      const preferences = page.getByTestId("message-preferences")
      assert.equal(await preferences.getByTestId("sms-updates").isChecked(), true)
      await preferences.getByTestId("sms-updates").uncheck()
      await preferences.getByTestId("message-locale").selectOption("sw")
      await preferences.getByRole("button", { name: "Save preferences" }).click()
      await preferences.getByText("Preferences saved.").waitFor()
      await go(page, `${base}/ke/account`)
      assert.equal(await page.getByTestId("sms-updates").isChecked(), false)
      assert.equal(await page.getByTestId("message-locale").inputValue(), "sw")

      await page.getByRole("button", { name: "Sign out" }).click()
      await page.waitForURL(/\/ke\/account\/login/)

      // And back in with the password, on an English page: the saved language comes back with the member.
      await go(page, `${base}/ke/account/login?lang=en`)
      await page.getByLabel("Email").fill(email)
      await page.getByLabel("Password").fill("karibu-sana-2026")
      await page.getByTestId("login-submit").click()
      await page.waitForURL(/\/ke\/account$/)
      await page.waitForFunction(() => document.documentElement.lang === "sw-KE")
      await page.getByRole("heading", { level: 2, name: "Ujumbe wa maagizo" }).waitFor()

      // The header's switch saves the member's language too.
      await page.getByTestId("language-picker").selectOption("en")
      await page.waitForURL(/lang=en/)
      await go(page, `${base}/ke/account`)
      assert.equal(await page.getByTestId("message-locale").inputValue(), "en")
    },
  },
]
