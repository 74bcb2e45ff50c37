/**
 * Hydration probe (not a journey; skipped unless SOKO_HYDRATION_PROBE=1): SOKO_PROBE_LOADS (500)
 * first loads, each in a new browser context, taking turns over the home page, the catalog with
 * a few queries and a product page, counting React's hydration errors (#418, #423, #425,
 * "Hydration failed") among page errors and console errors. Every other console error or
 * warning is listed too.
 *
 *   SOKO_HYDRATION_PROBE=1 SOKO_E2E_PORT_BASE=9720 npx playwright test --project storefront -g "hydration probe"
 *
 * or, against a stack already running, --config storefront/e2e/running-stack.config.mjs.
 */
import { expect, test } from "@playwright/test"
import { hydrated, stackFromEnv } from "./journeys.mjs"

const LOADS = Number(process.env.SOKO_PROBE_LOADS || 500)
const PAGES = [
  "/ke",
  "/ke/store",
  "/ke/products/kenya-aa-coffee",
  "/ke/store?sort=price_asc",
  "/ke",
  "/ke/store?page=2",
  "/ke/products/kenya-aa-coffee",
  "/ke/store?q=coffee",
  "/ke/store?category=electronics",
  "/ke/products/maasai-shuka",
]
const HYDRATION = /Minified React error #(418|423|425)\b|Hydration failed|hydrat/i

test.skip(process.env.SOKO_HYDRATION_PROBE !== "1", "set SOKO_HYDRATION_PROBE=1 to run the hydration probe")

test("hydration probe: first loads of home, catalog and product", async ({ browser }) => {
  test.setTimeout(LOADS * 30_000)
  const stack = stackFromEnv()
  const hydrationErrors = []
  const others = []
  for (let load = 0; load < LOADS; load++) {
    const path = PAGES[load % PAGES.length]
    const context = await browser.newContext({ viewport: { width: 360, height: 780 }, isMobile: true, hasTouch: true, locale: "en-KE" })
    try {
      const page = await context.newPage()
      const note = (kind, text) => {
        const line = `${kind} on ${path} (load ${load + 1}): ${text.slice(0, 300)}`
        ;(HYDRATION.test(text) ? hydrationErrors : others).push(line)
        console.log(`  ${line}`)
      }
      page.on("pageerror", (e) => note("page error", e.message))
      page.on("console", (m) => {
        if (m.type() === "error" || m.type() === "warning") {
          note(`console ${m.type()}`, m.text())
        }
      })
      await page.goto(`${stack.storefrontUrl}${path}`)
      await hydrated(page, { timeout: 30_000 })
      // Recoverable errors are reported after the commit; give them a moment.
      await page.waitForTimeout(100)
    } finally {
      await context.close()
    }
  }
  console.log(`hydration probe: ${hydrationErrors.length} hydration errors, ${others.length} other console errors or warnings, in ${LOADS} first loads`)
  expect([...hydrationErrors, ...others]).toEqual([])
})
