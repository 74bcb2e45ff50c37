/**
 * Records the store API calls this storefront makes for one guest purchase,
 * for the bench's `checkout-storefront` scenario (bench/storefront-calls.ts):
 * the backend logs every request (Medusa's HTTP log, LOG_LEVEL=http), and the
 * calls of the second of two purchases (the first fills Next's data cache, as
 * earlier shoppers have in a shop in use) are written, in order, to
 * bench/storefront-checkout.calls.json. The bench turns their ids into
 * placeholders and replays them.
 *
 *   SOKO_CAPTURE_CHECKOUT=1 SOKO_E2E_LOG_LEVEL=http npx playwright test checkout-capture --project storefront
 *
 * Skipped otherwise: it measures nothing itself.
 */
import fs from "node:fs"
import path from "node:path"
import { test } from "@playwright/test"
import { addToCart, checkout, go, placeOrder, stackFromEnv } from "./journeys.mjs"

const root = path.resolve(import.meta.dirname, "..", "..")
const LOG = path.join(root, ".data", "e2e-stack.log")
const OUT = path.join(root, "bench", "storefront-checkout.calls.json")

test.skip(!process.env.SOKO_CAPTURE_CHECKOUT, "SOKO_CAPTURE_CHECKOUT=1 records the storefront's checkout calls for the bench")

/** One guest purchase, from the product page to the order confirmation. */
async function purchase(page, base) {
  await addToCart(page, base, "kenya-aa-coffee", { Grind: "Ground" })
  await go(page, `${base}/ke/cart`)
  await checkout(page, base, { email: `capture-${Date.now()}@example.com`, phone: "0708 374 149", method: "manual" })
  await placeOrder(page, /\/order\/[^/]+\/confirmed(\?.*)?$/)
  await page.getByTestId("order-confirmed").waitFor()
}

test("capture: a guest buys one product, cash on delivery", async ({ page }) => {
  const { storefrontUrl: base } = stackFromEnv()
  // A shop in use: an earlier shopper's purchase has filled Next's data cache, so what is
  // recorded is what reaches the backend in steady state (cached reads do not).
  await purchase(page, base)
  await page.context().clearCookies()

  const from = fs.statSync(LOG).size
  await purchase(page, base)
  // The backend writes a request's log line when it has answered; give the last one a moment.
  await page.waitForTimeout(1000)
  const calls = [...fs.readFileSync(LOG, "utf8").slice(from).matchAll(/\b(GET|POST|DELETE) (\/store\/\S+) ←/g)].map(([, method, url]) => ({ method, url }))
  if (!calls.some((c) => c.method === "POST" && /\/complete(\?|$)/.test(c.url))) {
    throw new Error(`no cart completion among the ${calls.length} calls recorded: is the backend logging at LOG_LEVEL=http (SOKO_E2E_LOG_LEVEL)?`)
  }
  fs.writeFileSync(OUT, JSON.stringify({ captured: new Date().toISOString(), journey: "guest, one product, cash on delivery", calls }, null, 2) + "\n")
  console.log(`  ${calls.length} store API calls written to ${path.relative(root, OUT)}`)
})
