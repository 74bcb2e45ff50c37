/**
 * Browser test: paybill payments in admin. The merchant registers the C2B
 * URLs again from the M-Pesa page; a shopper's order waits for its M-Pesa
 * payment while the shopper pays the paybill by hand with an account that
 * names no order (the simulator's control API), so the payment lands in the
 * unmatched table; the merchant's first match is refused (the API's reason
 * shown as it came), the second matches it to the order, whose M-Pesa widget
 * then shows the payment captured. A second stray payment is refunded.
 *
 * Runs in the "admin" project of playwright.config.ts against the stack its
 * global setup starts (with MPESA_C2B_SHORTCODE set). Screenshots go to
 * integration-tests/artifacts/.
 */
import fs from "node:fs"
import path from "node:path"
import { expect, test, type Page } from "@playwright/test"
import { hasChromium, skipReason } from "./chromium"
import { call, placeMpesaOrder, type Json } from "./store-api"

const root = path.resolve(__dirname, "..", "..")
const artifacts = path.join(root, "integration-tests", "artifacts")
const backend = (process.env.SOKO_E2E_BACKEND_URL ?? "http://localhost:9000").replace(/\/$/, "")
const simulator = (process.env.SOKO_E2E_SIMULATOR_URL ?? "http://127.0.0.1:9010").replace(/\/$/, "")
const key = process.env.SOKO_E2E_PUBLISHABLE_KEY ?? ""
const paybill = process.env.MPESA_C2B_SHORTCODE || "600984"
const ADMIN = {
  email: process.env.SOKO_ADMIN_EMAIL || "admin@example.com",
  password: process.env.SOKO_ADMIN_PASSWORD || "supersecret",
}


/** For the first look at a page the admin has just opened: its dev server compiles a route's code on first visit. */
const PAGE_LOAD = { timeout: 120_000 }

function log(message: string) {
  console.log(`[mpesa c2b e2e] ${message}`)
}

/** A placed order awaiting its M-Pesa payment: the prompt went to a phone nobody answers. */
async function orderAwaitingMpesa(): Promise<{ id: string; displayId: number; totalKes: number }> {
  const { order } = await placeMpesaOrder({ email: "e2e-c2b@example.com", firstName: "Achieng", address: "Kenyatta Avenue 2", phone: "0711223344" })
  return { id: order.id, displayId: Number(order.display_id), totalKes: Number(order.total) }
}

/** The shopper pays the paybill by hand on the simulator's phone: the control API answers once the money moved. */
async function payPaybill(account: string, amount: number): Promise<string> {
  const paid = await call<{ transId: string; status: string }>(`${simulator}/__simulator/c2b/payments`, {
    channel: "paybill",
    businessNumber: paybill,
    accountNumber: account,
    amount,
    phone: "254708374149",
  })
  expect(paid.status, "the simulator completed the paybill payment").toBe("completed")
  return paid.transId
}

/** Waits until Soko holds the payment in the given state (asked through admin's API, with the logged-in session). */
async function waitForState(page: Page, transId: string, state: string): Promise<Json> {
  let last: Json | undefined
  for (let i = 0; i < 120; i++) {
    const res = await page.request.get(`${backend}/admin/mpesa/c2b/payments?trans_id=${transId}&state=${state}`)
    last = (await res.json()) as Json
    if (last.payments?.length) {
      return last.payments[0]
    }
    await page.waitForTimeout(500)
  }
  throw new Error(`payment ${transId} did not reach ${state}: ${JSON.stringify(last)}`)
}

async function openPaybillTab(page: Page) {
  await page.goto(`${backend}/app/mpesa`, { waitUntil: "domcontentloaded" })
  await page.getByRole("tab", { name: "Paybill/till" }).click()
  await page.waitForSelector('[data-testid="mpesa-c2b-payments"]')
}

// Skipped only where Debian's Chromium is missing (npx playwright install cannot work here); skipReason() says how to install it, and CI does.
test.skip(!hasChromium(), skipReason())

test("a merchant matches a paybill payment that named no order, and refunds another", async ({ page }) => {
  expect(key, "SOKO_E2E_PUBLISHABLE_KEY (set by the global setup)").not.toBe("")
  fs.mkdirSync(artifacts, { recursive: true })
  page.setDefaultTimeout(120_000)

  await page.goto(`${backend}/app/login`, { waitUntil: "domcontentloaded" })
  await page.fill('input[name="email"]', ADMIN.email)
  await page.fill('input[name="password"]', ADMIN.password)
  await page.click('button[type="submit"]')
  await page.waitForURL(/\/app\/orders/)

  // Registration: on, for the paybill; "Register again" records a fresh attempt from admin.
  await openPaybillTab(page)
  const registration = page.getByTestId("mpesa-c2b-registration")
  await expect(registration).toContainText(`${paybill} (paybill)`, PAGE_LOAD)
  await registration.getByRole("button", { name: "Register again" }).click()
  const status = page.getByTestId("mpesa-c2b-registration-status")
  await expect(status).toContainText("registered", PAGE_LOAD)
  await expect(status).toContainText("from admin")
  await page.screenshot({ path: path.join(artifacts, "mpesa-c2b-admin-registration.png"), fullPage: true })
  log(`registration: ${(await status.innerText()).replace(/\s+/g, " ")}`)

  // A paybill payment whose account names no order: Soko confirms it with Safaricom and holds it unmatched.
  const order = await orderAwaitingMpesa()
  log(`order #${order.displayId} (${order.id}) awaits KES ${order.totalKes}`)
  const transId = await payPaybill("99999", order.totalKes)
  await waitForState(page, transId, "unmatched")
  log(`paybill payment ${transId} is unmatched`)

  await openPaybillTab(page)
  const row = page.locator("tr", { hasText: transId })
  await expect(row).toContainText("unmatched", PAGE_LOAD)
  await expect(row).toContainText("Names no order")
  await expect(row).toContainText("99999")
  await expect(row).toContainText("2547***149")
  await expect(row).not.toContainText("254708374149")
  await page.screenshot({ path: path.join(artifacts, "mpesa-c2b-admin-unmatched.png"), fullPage: true })

  // Matched to an order that does not exist: the API's refusal, word for word.
  await row.getByRole("button", { name: "Match to order" }).click()
  const dialog = page.getByRole("alertdialog")
  await dialog.locator("#mpesa-c2b-match-order").fill("order_01NOSUCHORDER0000000000")
  await dialog.getByRole("button", { name: "Match and capture" }).click()
  const refusal = dialog.getByRole("alert")
  await expect(refusal).toHaveText("This payment cannot pay order order_01NOSUCHORDER0000000000: there is no such order, or it was not placed with M-Pesa")
  log(`refused: ${await refusal.innerText()}`)
  await page.screenshot({ path: path.join(artifacts, "mpesa-c2b-admin-match-refused.png"), fullPage: true })

  // By the order's number, as admin shows it.
  await dialog.locator("#mpesa-c2b-match-order").fill(`#${order.displayId}`)
  await dialog.getByRole("button", { name: "Match and capture" }).click()
  await expect(dialog).toBeHidden()
  await expect(page.getByTestId("mpesa-c2b-outcome")).toContainText(`${transId} is matched to order #${order.displayId} and captured`)
  await expect(page.locator("tr", { hasText: transId })).toHaveCount(0)
  const matched = await waitForState(page, transId, "captured")
  expect(matched.order_id).toBe(order.id)

  // The order's M-Pesa widget lists the paybill payment, captured.
  await page.goto(`${backend}/app/orders/${order.id}`, { waitUntil: "domcontentloaded" })
  const inWidget = page.getByTestId(`mpesa-order-c2b-${transId}`)
  await expect(inWidget).toContainText("captured", PAGE_LOAD)
  await expect(inWidget).toContainText("Matched to the order by hand and captured.")
  await expect(inWidget).toContainText('account "99999"')
  await inWidget.scrollIntoViewIfNeeded()
  await page.screenshot({ path: path.join(artifacts, "mpesa-c2b-admin-order-widget.png"), fullPage: true })
  log(`order widget: ${(await inWidget.innerText()).replace(/\s+/g, " ")}`)

  // Another stray payment goes back to the payer by reversal.
  const stray = await payPaybill("88888", 150)
  await waitForState(page, stray, "unmatched")
  await openPaybillTab(page)
  await page.locator("tr", { hasText: stray }).getByRole("button", { name: "Refund" }).click()
  await page.getByRole("alertdialog").getByRole("button", { name: "Refund" }).click()
  const outcome = page.getByTestId("mpesa-c2b-outcome")
  await expect(outcome).toContainText(stray, PAGE_LOAD)
  log(`refund: ${await outcome.innerText()}`)
  await waitForState(page, stray, "refunded")
  await expect(page.locator("tr", { hasText: stray })).toHaveCount(0)
  await page.screenshot({ path: path.join(artifacts, "mpesa-c2b-admin-refunded.png"), fullPage: true })
})
