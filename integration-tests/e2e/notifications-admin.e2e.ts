/**
 * Browser test: on the embedded default (email and SMS captured, not sent), a
 * shopper's order is placed, paid, shipped and delivered through the store and
 * admin APIs; then a merchant opens Notifications in the admin, finds the
 * customer's emails and SMS and the merchant alert for that order, each once,
 * previews the order confirmation email and SMS, and sees them on the order page.
 *
 * Runs in the "admin" project of playwright.config.ts (`npm run test:e2e`),
 * against the stack its global setup starts (no SENDGRID_* / SMS_* variables).
 * The publishable key comes from SOKO_E2E_PUBLISHABLE_KEY or the launcher's
 * .data/run/<port>/prepare.json. Screenshots go to integration-tests/artifacts/.
 */
import fs from "node:fs"
import path from "node:path"
import { test, type Page } from "@playwright/test"
import { hasChromium, skipReason } from "./chromium"

const root = path.resolve(__dirname, "..", "..")
const artifacts = path.join(root, "integration-tests", "artifacts")
const backend = (process.env.SOKO_E2E_BACKEND_URL ?? "http://localhost:9000").replace(/\/$/, "")
const ADMIN = {
  email: process.env.SOKO_ADMIN_EMAIL || "admin@example.com",
  password: process.env.SOKO_ADMIN_PASSWORD || "supersecret",
}
const PHONE = "+254722000123"

type Json = Record<string, any>

function log(message: string) {
  console.log(`[notifications e2e] ${message}`)
}

function publishableKey(): string {
  if (process.env.SOKO_E2E_PUBLISHABLE_KEY) {
    return process.env.SOKO_E2E_PUBLISHABLE_KEY
  }
  const port = new URL(backend).port || "80"
  const file = path.join(root, ".data", "run", port, "prepare.json")
  if (fs.existsSync(file)) {
    return (JSON.parse(fs.readFileSync(file, "utf8")) as { publishableKey: string }).publishableKey
  }
  throw new Error(`SOKO_E2E_PUBLISHABLE_KEY is required (no ${path.relative(root, file)} either)`)
}

async function call<T = Json>(pathname: string, options: { body?: unknown; headers?: Record<string, string> } = {}): Promise<T> {
  const res = await fetch(`${backend}${pathname}`, {
    method: options.body === undefined ? "GET" : "POST",
    headers: { "content-type": "application/json", ...options.headers },
    body: options.body === undefined ? undefined : JSON.stringify(options.body),
  })
  const json = (await res.json().catch(() => ({}))) as T & { message?: string }
  if (!res.ok) {
    throw new Error(`${pathname} answered ${res.status}: ${json.message}`)
  }
  return json
}

async function orderLifecycle(key: string, adminToken: string) {
  const store = { "x-publishable-api-key": key }
  const admin = { authorization: `Bearer ${adminToken}` }
  const { regions } = await call<{ regions: Json[] }>("/store/regions", { headers: store })
  const kenya = regions.find((r) => r.currency_code === "kes")!
  const { products } = await call<{ products: Json[] }>(`/store/products?region_id=${kenya.id}&limit=1`, { headers: store })
  const email = `e2e-notify-${Date.now()}@example.com`
  const { cart } = await call<{ cart: Json }>("/store/carts", { body: { region_id: kenya.id, email }, headers: store })
  await call(`/store/carts/${cart.id}/line-items`, { body: { variant_id: products[0].variants[0].id, quantity: 2 }, headers: store })
  const address = { first_name: "Njeri", last_name: "E2E", address_1: "Moi Avenue 1", city: "Nairobi", country_code: "ke", phone: PHONE }
  await call(`/store/carts/${cart.id}`, { body: { shipping_address: address, billing_address: address }, headers: store })
  const { shipping_options } = await call<{ shipping_options: Json[] }>(`/store/shipping-options?cart_id=${cart.id}`, { headers: store })
  await call(`/store/carts/${cart.id}/shipping-methods`, { body: { option_id: shipping_options[0].id }, headers: store })
  const { payment_collection } = await call<{ payment_collection: Json }>("/store/payment-collections", {
    body: { cart_id: cart.id },
    headers: store,
  })
  await call(`/store/payment-collections/${payment_collection.id}/payment-sessions`, {
    body: { provider_id: "pp_system_default" },
    headers: store,
  })
  const { order } = await call<{ order: Json }>(`/store/carts/${cart.id}/complete`, { body: {}, headers: store })
  log(`order ${order.id} (#${order.display_id}) placed by ${email}`)

  const { order: full } = await call<{ order: Json }>(`/admin/orders/${order.id}?fields=id,*payment_collections.payments,*items`, { headers: admin })
  await call(`/admin/payments/${full.payment_collections[0].payments[0].id}/capture`, { body: {}, headers: admin })
  const items = full.items.map((i: Json) => ({ id: i.id, quantity: i.quantity }))
  const { order: fulfilled } = await call<{ order: Json }>(`/admin/orders/${order.id}/fulfillments?fields=fulfillments.id`, {
    body: { items },
    headers: admin,
  })
  const fulfillmentId = fulfilled.fulfillments[0].id
  await call(`/admin/orders/${order.id}/fulfillments/${fulfillmentId}/shipments`, {
    body: { items, labels: [{ tracking_number: "E2E-123", tracking_url: "https://track.example.com/E2E-123", label_url: "https://track.example.com/l" }] },
    headers: admin,
  })
  await call(`/admin/orders/${order.id}/fulfillments/${fulfillmentId}/mark-as-delivered`, { body: {}, headers: admin })
  log("paid, shipped and delivered")
  return { orderId: order.id as string, displayId: order.display_id as number, email }
}

/** Waits until the log API shows the messages the journey should have produced, all final. */
async function waitForLog(orderId: string, adminToken: string) {
  const expected = [
    "order-placed:email",
    "order-placed:sms",
    "payment-received:email",
    "payment-received:sms",
    "order-shipped:email",
    "order-shipped:sms",
    "order-delivered:email",
    "order-delivered:sms",
    "merchant-new-order:email",
  ].sort()
  for (let i = 0; i < 120; i++) {
    const { messages } = await call<{ messages: Json[] }>(`/admin/orders/${orderId}/notification-log`, {
      headers: { authorization: `Bearer ${adminToken}` },
    })
    const final = messages.filter((m) => ["sent", "failed", "skipped"].includes(m.status))
    if (final.length >= expected.length) {
      const got = messages.map((m) => `${m.template}:${m.channel}`).sort()
      if (JSON.stringify(got) !== JSON.stringify(expected)) {
        throw new Error(`expected each message once: ${expected.join(", ")}; got ${got.join(", ")}`)
      }
      const notSent = messages.filter((m) => m.status !== "sent")
      if (notSent.length) {
        throw new Error(`not sent: ${notSent.map((m) => `${m.template}:${m.channel} ${m.status} ${m.last_error}`).join("; ")}`)
      }
      return messages
    }
    await new Promise((r) => setTimeout(r, 500))
  }
  throw new Error("the notifications did not all settle within a minute")
}

async function openRow(page: Page, template: string, channel: string) {
  await page.click(`[data-testid="notification-row"][data-template="${template}"][data-channel="${channel}"]`)
  await page.waitForSelector('[data-testid="notification-drawer"]')
}

// Skipped only where Debian's Chromium is missing (npx playwright install cannot work here); skipReason() says how to install it, and CI does.
test.skip(!hasChromium(), skipReason())

test("a merchant finds an order's emails and SMS once each in admin, with previews", async ({ page }) => {
  fs.mkdirSync(artifacts, { recursive: true })
  const key = publishableKey()
  const { token } = await call<{ token: string }>("/auth/user/emailpass", { body: ADMIN })
  const { orderId, displayId, email } = await orderLifecycle(key, token)
  const messages = await waitForLog(orderId, token)
  log(`log API: ${messages.length} messages, each once, all sent`)

  page.setDefaultTimeout(120_000)
  await page.goto(`${backend}/app/login`, { waitUntil: "domcontentloaded" })
  await page.fill('input[name="email"]', ADMIN.email)
  await page.fill('input[name="password"]', ADMIN.password)
  await page.click('button[type="submit"]')
  await page.waitForURL(/\/app\/orders/)

  await page.goto(`${backend}/app/notifications?order_id=${orderId}`, { waitUntil: "domcontentloaded" })
  await page.waitForSelector('[data-testid="notification-row"]')
  await page.waitForFunction(() => document.querySelectorAll('[data-testid="notification-row"]').length === 9)
  const rows = await page.$$eval('[data-testid="notification-row"]', (els) =>
    els.map((el) => `${el.getAttribute("data-template")}:${el.getAttribute("data-channel")}`)
  )
  if (new Set(rows).size !== rows.length) {
    throw new Error(`a message appears twice in the admin log: ${rows.join(", ")}`)
  }
  await page.screenshot({ path: path.join(artifacts, "notifications-admin-log.png"), fullPage: true })
  log(`admin log shows ${rows.length} rows for the order`)

  await openRow(page, "order-placed", "email")
  const frame = page.frameLocator('[data-testid="email-preview"] iframe')
  await frame.locator("text=Thank you for your order").waitFor()
  const subject = await page.textContent('[data-testid="email-preview"]')
  if (!subject?.includes(`Order #${displayId} confirmed`)) {
    throw new Error(`the preview does not show the subject "Order #${displayId} confirmed"`)
  }
  const to = await page.textContent('[data-testid="notification-drawer"]')
  if (!to?.includes(email)) {
    throw new Error(`the drawer does not show the recipient ${email}`)
  }
  await page.screenshot({ path: path.join(artifacts, "notifications-admin-email-preview.png"), fullPage: true })
  log("email preview renders the order confirmation")
  await page.keyboard.press("Escape")
  await page.waitForSelector('[data-testid="notification-drawer"]', { state: "detached" })

  await openRow(page, "order-shipped", "sms")
  const sms = await page.textContent('[data-testid="sms-preview"]')
  if (!sms?.includes(`Order #${displayId} has shipped`) || !sms.includes("E2E-123") || !sms.includes("1 part")) {
    throw new Error(`the SMS preview reads "${sms}"`)
  }
  await page.screenshot({ path: path.join(artifacts, "notifications-admin-sms-preview.png"), fullPage: true })
  log("SMS preview shows the shipped text with tracking, one part")
  await page.keyboard.press("Escape")

  await page.goto(`${backend}/app/orders/${orderId}`, { waitUntil: "domcontentloaded" })
  const widget = page.locator('[data-testid="order-notifications-widget"]')
  await widget.locator("text=order-delivered").first().waitFor()
  await page.screenshot({ path: path.join(artifacts, "notifications-admin-order-widget.png"), fullPage: true })
  log("order page widget lists the order's notifications")
})
