/**
 * The shopper journeys (journeys.mjs) on a phone-sized Chromium, one test per
 * journey, against the stack Playwright's global setup started (root
 * playwright.config.ts). Besides each journey's own checks, a journey fails
 * on page errors (hydration errors too), console errors and warnings, and any
 * request to a host that isn't ours.
 */
import fs from "node:fs"
import { expect, test } from "@playwright/test"
import { journeys, stackFromEnv } from "./journeys.mjs"

const CHROMIUM = process.env.SOKO_CHROMIUM || "/usr/bin/chromium"
test.skip(!fs.existsSync(CHROMIUM), `Chromium not found at ${CHROMIUM}`)

function watch(context, stack) {
  const problems = []
  const ours = new Set(["localhost", "127.0.0.1", new URL(stack.storefrontUrl).hostname, new URL(stack.backendUrl).hostname])
  context.on("request", (request) => {
    const url = new URL(request.url())
    if ((url.protocol === "http:" || url.protocol === "https:") && !ours.has(url.hostname)) {
      problems.push(`request to a third-party host: ${request.url()}`)
    }
  })
  const attach = (page) => {
    // Hydration errors (#418 and its kin) included: React recovers from them, but the page was re-rendered.
    page.on("pageerror", (e) => problems.push(`page error on ${page.url()}: ${e.message}`.slice(0, 500)))
    page.on("console", (m) => {
      // A 4xx on purpose (a page that is not there, a refused form) is the browser's note, not a fault.
      if (m.type() === "error" && /Failed to load resource: the server responded with a status of 4\d\d/.test(m.text())) {
        return
      }
      if (m.type() === "error" || m.type() === "warning") {
        problems.push(`console ${m.type()} on ${page.url()}: ${m.text().slice(0, 500)}`)
      }
    })
  }
  context.pages().forEach(attach)
  context.on("page", attach)
  return problems
}

for (const journey of journeys) {
  test(journey.name, async ({ page, context }, testInfo) => {
    context.setDefaultTimeout(Number(process.env.E2E_TIMEOUT_MS || 30_000))
    const stack = stackFromEnv()
    const problems = watch(context, stack)
    await journey.run({
      page,
      context,
      base: stack.storefrontUrl,
      stack,
      log: (message) => console.log(`  ${journey.name}: ${message}`),
      shot: async (name) => {
        await page.waitForLoadState("networkidle").catch(() => undefined)
        const body = await page.screenshot({ fullPage: true, caret: "initial", animations: "disabled" })
        await testInfo.attach(name, { body, contentType: "image/png" })
      },
    })
    expect(problems, "page errors, console errors or warnings, or third-party requests").toEqual([])
  })
}
