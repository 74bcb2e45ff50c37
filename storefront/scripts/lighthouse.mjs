#!/usr/bin/env node
/**
 * Lighthouse (mobile preset: Moto G Power, slow 4G, 4x CPU slowdown) for the
 * home, catalog, product and checkout pages in English and in Swahili (`?lang=sw`),
 * with Debian's Chromium, against a running storefront. Also reports the
 * JavaScript each page ships, and says which page misses the budget
 * (performance ≥ 95, accessibility 100, product page JS ≤ 120 KB gzip).
 *
 *   npm install --no-save lighthouse@12 chrome-launcher   (once; not a dependency)
 *   LH_BASE_URL=http://localhost:8000 LH_BACKEND_URL=http://localhost:9000 npm run lighthouse
 *
 * Lighthouse 12 is the last line that runs on Node 20. Measure a production
 * build (`npm run build && npm start`), not `next dev`.
 */
import fs from "node:fs"
import path from "node:path"
import { createRequire } from "node:module"
import { fileURLToPath } from "node:url"

const here = path.dirname(fileURLToPath(import.meta.url))
const storefront = path.resolve(here, "..")
const require = createRequire(path.join(process.env.LIGHTHOUSE_DIR || storefront, "package.json"))

let lighthouse, chromeLauncher
try {
  lighthouse = (await import(require.resolve("lighthouse"))).default
  chromeLauncher = await import(require.resolve("chrome-launcher"))
} catch {
  console.log("SKIPPED: lighthouse is not installed. Run `npm install --no-save lighthouse@12 chrome-launcher` in storefront/ (or set LIGHTHOUSE_DIR).")
  process.exit(0)
}

const CHROMIUM = process.env.SOKO_CHROMIUM || "/usr/bin/chromium"
if (!fs.existsSync(CHROMIUM)) {
  console.log(`SKIPPED: Chromium not found at ${CHROMIUM}`)
  process.exit(0)
}

const base = (process.env.LH_BASE_URL || "http://localhost:8000").replace(/\/$/, "")
const backend = (process.env.LH_BACKEND_URL || "http://localhost:9000").replace(/\/$/, "")
const key = process.env.LH_PUBLISHABLE_KEY || keyFor(backend)
const country = process.env.LH_COUNTRY || "ke"
const product = process.env.LH_PRODUCT || "kenya-aa-coffee"
/** Each page is measured this many times and the run with the median performance score is reported. */
const runs = Math.max(1, Number(process.env.LH_RUNS || 3))

function keyFor(url) {
  try {
    const port = new URL(url).port || "9000"
    return JSON.parse(fs.readFileSync(path.join(storefront, "..", ".data", "run", port, "prepare.json"), "utf8")).publishableKey
  } catch {
    return ""
  }
}

/** A cart with one item, so the checkout page has something to show. */
async function makeCart() {
  const headers = { "x-publishable-api-key": key, "content-type": "application/json" }
  const { regions } = await (await fetch(`${backend}/store/regions`, { headers })).json()
  const region = regions.find((r) => r.countries.some((c) => c.iso_2 === country))
  const { products } = await (await fetch(`${backend}/store/products?handle=${product}&fields=variants.id`, { headers })).json()
  const { cart } = await (await fetch(`${backend}/store/carts`, { method: "POST", headers, body: JSON.stringify({ region_id: region.id }) })).json()
  await fetch(`${backend}/store/carts/${cart.id}/line-items`, {
    method: "POST",
    headers,
    body: JSON.stringify({ variant_id: products[0].variants[0].id, quantity: 1 }),
  })
  return cart.id
}

const paths = [
  ["home", `/${country}`],
  ["catalog", `/${country}/store`],
  ["product", `/${country}/products/${product}`],
  ["checkout", `/${country}/checkout`],
]
// English at the plain address first (as a first visit sees it: no language cookie yet), then Swahili.
const pages = [
  ...paths.map(([name, url]) => [`${name} en`, url]),
  ...paths.map(([name, url]) => [`${name} sw`, `${url}?lang=sw`]),
]
const budget = { performance: 95, accessibility: 100, productJsGzip: 120 * 1024 }

const chrome = await chromeLauncher.launch({
  chromePath: CHROMIUM,
  chromeFlags: ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
})
const cartId = await makeCart()
const rows = []
const misses = []
try {
  for (const [name, url] of pages) {
    // Warm the server (first render compiles nothing in production, but fills caches).
    await fetch(`${base}${url}`, { headers: { cookie: `soko_cart=${cartId}` } })
    const measured = []
    for (let i = 0; i < runs; i++) {
      const result = await lighthouse(`${base}${url}`, {
        port: chrome.port,
        output: "json",
        logLevel: "error",
        onlyCategories: ["performance", "accessibility", "best-practices", "seo"],
        extraHeaders: name.startsWith("checkout") ? { Cookie: `soko_cart=${cartId}` } : undefined,
      })
      measured.push(result.lhr)
    }
    measured.sort((a, b) => (a.categories.performance.score ?? 0) - (b.categories.performance.score ?? 0))
    const lhr = measured[Math.floor(measured.length / 2)]
    const score = (c) => Math.round((lhr.categories[c]?.score ?? 0) * 100)
    const scripts = (lhr.audits["network-requests"]?.details?.items ?? []).filter((i) => i.resourceType === "Script")
    const jsBytes = scripts.reduce((n, i) => n + (i.transferSize ?? 0), 0)
    const jsRaw = scripts.reduce((n, i) => n + (i.resourceSize ?? 0), 0)
    rows.push({
      page: name,
      performance: score("performance"),
      "perf range": `${Math.round(measured[0].categories.performance.score * 100)}–${Math.round(measured.at(-1).categories.performance.score * 100)}`,
      accessibility: score("accessibility"),
      "best-practices": score("best-practices"),
      seo: score("seo"),
      LCP: lhr.audits["largest-contentful-paint"].displayValue,
      CLS: lhr.audits["cumulative-layout-shift"].displayValue,
      TBT: lhr.audits["total-blocking-time"].displayValue,
      "JS (gzip)": `${jsBytes} B`,
      "JS (raw)": `${jsRaw} B`,
    })
    const failing = Object.values(lhr.audits).filter(
      (a) => a.score !== null && a.score < 1 && lhr.categories.accessibility.auditRefs.some((r) => r.id === a.id)
    )
    if (score("performance") < budget.performance || score("accessibility") < budget.accessibility) {
      misses.push(`${name}: performance ${score("performance")}, accessibility ${score("accessibility")}`)
    }
    if (name.startsWith("product") && jsBytes > budget.productJsGzip) {
      misses.push(`${name}: ${jsBytes} B of JavaScript (gzip, with headers), over ${budget.productJsGzip}`)
    }
    for (const a of failing) {
      console.log(`  [${name}] accessibility: ${a.id} — ${a.title}`)
    }
    if (process.env.LH_SAVE) {
      fs.mkdirSync(path.join(storefront, "e2e-artifacts"), { recursive: true })
      fs.writeFileSync(path.join(storefront, "e2e-artifacts", `lighthouse-${name.replace(" ", "-")}.json`), JSON.stringify(lhr))
    }
  }
} finally {
  await chrome.kill()
}
console.table(rows)
console.log(misses.length ? `Over budget:\n  ${misses.join("\n  ")}` : "Every page within budget.")
process.exitCode = misses.length ? 1 : 0
