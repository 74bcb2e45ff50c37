/**
 * Browser test: a shopper's order is paid with M-Pesa through the store API
 * (the simulator's scripted number approves), then a merchant logs into
 * admin and finds the receipt in the order's M-Pesa widget.
 *
 * Runs in the "admin" project of playwright.config.ts (`npm run test:e2e`),
 * against the stack its global setup starts. Screenshots go to
 * integration-tests/artifacts/.
 */
import fs from "node:fs"
import path from "node:path"
import { expect, test } from "@playwright/test"
import { hasChromium, skipReason } from "./chromium"
import { placeMpesaOrder, store, type Json } from "./store-api"

const root = path.resolve(__dirname, "..", "..")
const artifacts = path.join(root, "integration-tests", "artifacts")
const backend = (process.env.SOKO_E2E_BACKEND_URL ?? "http://localhost:9000").replace(/\/$/, "")
const key = process.env.SOKO_E2E_PUBLISHABLE_KEY ?? ""
const simulator = (process.env.SOKO_E2E_SIMULATOR_URL ?? "http://127.0.0.1:9010").replace(/\/$/, "")
/**
 * A number of this test's own, scripted to pay. The sandbox number the
 * storefront journeys pay with would meet the simulator's rule 17 (same phone,
 * same amount within 2 minutes) when this test runs right after a journey
 * bought the same coffee.
 */
const PHONE = "254722149001"
const ADMIN = {
  email: process.env.SOKO_ADMIN_EMAIL || "admin@example.com",
  password: process.env.SOKO_ADMIN_PASSWORD || "supersecret",
}

function log(message: string) {
  console.log(`[mpesa e2e] ${message}`)
}

async function payAnOrderWithMpesa(): Promise<{ orderId: string; receipt: string }> {
  const scripted = await fetch(`${simulator}/__simulator/outcomes/${PHONE}`, {
    method: "PUT",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ resultCode: 0 }),
  })
  expect(scripted.ok, `the simulator scripts ${PHONE} to pay`).toBe(true)
  const { cartId, order } = await placeMpesaOrder({ email: "e2e-mpesa@example.com", firstName: "Wanjiru", address: "Moi Avenue 1", phone: PHONE })
  const orderId = order.id
  for (let i = 0; i < 120; i++) {
    const status = await store<Json>(`/store/mpesa/status?cart_id=${cartId}`)
    if (status.status === "paid") {
      return { orderId, receipt: status.receipt }
    }
    if (status.status !== "pending") {
      throw new Error(`M-Pesa payment ended ${status.status}: ${status.reason}`)
    }
    await new Promise((r) => setTimeout(r, 500))
  }
  throw new Error("the M-Pesa payment was not confirmed within a minute")
}

// Skipped only where Debian's Chromium is missing (npx playwright install cannot work here); skipReason() says how to install it, and CI does.
test.skip(!hasChromium(), skipReason())

test("a merchant finds the M-Pesa receipt of a paid order in admin", async ({ page }) => {
  expect(key, "SOKO_E2E_PUBLISHABLE_KEY (set by the global setup)").not.toBe("")
  fs.mkdirSync(artifacts, { recursive: true })
  const { orderId, receipt } = await payAnOrderWithMpesa()
  log(`order ${orderId} paid, receipt ${receipt}`)

  page.setDefaultTimeout(120_000)
  await page.goto(`${backend}/app/login`, { waitUntil: "domcontentloaded" })
  await page.fill('input[name="email"]', ADMIN.email)
  await page.fill('input[name="password"]', ADMIN.password)
  await page.click('button[type="submit"]')
  await page.waitForURL(/\/app\/orders/)
  await page.goto(`${backend}/app/orders/${orderId}`, { waitUntil: "domcontentloaded" })
  await page.waitForSelector("text=M-Pesa payment")
  const shown = (await page.textContent('[data-testid="mpesa-receipt"]'))?.trim()
  await page.screenshot({ path: path.join(artifacts, "mpesa-admin-order-widget.png"), fullPage: true })
  expect(shown, "the receipt the admin widget shows").toBe(receipt)
  log(`admin widget shows receipt ${shown}`)
})
