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

const root = path.resolve(__dirname, "..", "..")
const artifacts = path.join(root, "integration-tests", "artifacts")
const backend = (process.env.SOKO_E2E_BACKEND_URL ?? "http://localhost:9000").replace(/\/$/, "")
const key = process.env.SOKO_E2E_PUBLISHABLE_KEY ?? ""
const ADMIN = {
  email: process.env.SOKO_ADMIN_EMAIL || "admin@example.com",
  password: process.env.SOKO_ADMIN_PASSWORD || "supersecret",
}

function log(message: string) {
  console.log(`[mpesa e2e] ${message}`)
}

async function store<T>(pathname: string, body?: unknown): Promise<T> {
  const res = await fetch(`${backend}${pathname}`, {
    method: body === undefined ? "GET" : "POST",
    headers: { "content-type": "application/json", "x-publishable-api-key": key },
    body: body === undefined ? undefined : JSON.stringify(body),
  })
  const json = (await res.json()) as T & { message?: string }
  if (!res.ok) {
    throw new Error(`${pathname} answered ${res.status}: ${json.message}`)
  }
  return json
}

type Json = Record<string, any>

async function payAnOrderWithMpesa(): Promise<{ orderId: string; receipt: string }> {
  const { regions } = await store<{ regions: Json[] }>("/store/regions")
  const kenya = regions.find((r) => r.currency_code === "kes")!
  const { products } = await store<{ products: Json[] }>(`/store/products?region_id=${kenya.id}&limit=1&handle=kenya-aa-coffee`)
  const { cart } = await store<{ cart: Json }>("/store/carts", { region_id: kenya.id, email: "e2e-mpesa@example.com" })
  await store(`/store/carts/${cart.id}/line-items`, { variant_id: products[0].variants[0].id, quantity: 1 })
  const address = { first_name: "Wanjiru", last_name: "E2E", address_1: "Moi Avenue 1", city: "Nairobi", country_code: "ke", phone: "0708374149" }
  await store(`/store/carts/${cart.id}`, { shipping_address: address, billing_address: address })
  const { shipping_options } = await store<{ shipping_options: Json[] }>(`/store/shipping-options?cart_id=${cart.id}`)
  await store(`/store/carts/${cart.id}/shipping-methods`, { option_id: shipping_options[0].id })
  const { payment_collection } = await store<{ payment_collection: Json }>("/store/payment-collections", { cart_id: cart.id })
  await store(`/store/payment-collections/${payment_collection.id}/payment-sessions`, {
    provider_id: "pp_mpesa_mpesa",
    data: { phone: "0708374149" },
  })
  const completed = await store<{ type: string; order: Json }>(`/store/carts/${cart.id}/complete`, {})
  const orderId = completed.order.id
  for (let i = 0; i < 120; i++) {
    const status = await store<Json>(`/store/mpesa/status?cart_id=${cart.id}`)
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
