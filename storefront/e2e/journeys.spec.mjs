/**
 * The shopper journeys (journeys.mjs) on a phone-sized Chromium, one test per
 * journey, against the stack Playwright's global setup started (root
 * playwright.config.ts). Besides each journey's own checks, a journey fails
 * on page errors, console errors and any request to a host that isn't ours.
 */
import fs from "node:fs"
import { expect, test } from "@playwright/test"
import { journeys } from "./journeys.mjs"

const CHROMIUM = process.env.SOKO_CHROMIUM || "/usr/bin/chromium"
test.skip(!fs.existsSync(CHROMIUM), `Chromium not found at ${CHROMIUM}`)

/**
 * React's recoverable hydration errors (#418 and its kin: the server HTML did
 * not match, React re-rendered that part on the client and the page works).
 * They are reported as warnings, and fail the journey with E2E_STRICT_HYDRATION=1.
 */
const RECOVERABLE_HYDRATION = /Minified React error #(418|423|425)\b|Hydration failed because/
const strictHydration = process.env.E2E_STRICT_HYDRATION === "1"

function stackFromEnv() {
  return {
    storefrontUrl: (process.env.SOKO_E2E_STOREFRONT_URL ?? "http://localhost:8000").replace(/\/$/, ""),
    backendUrl: (process.env.SOKO_E2E_BACKEND_URL ?? "http://localhost:9000").replace(/\/$/, ""),
    simulatorUrl: (process.env.SOKO_E2E_SIMULATOR_URL ?? "http://127.0.0.1:9010").replace(/\/$/, ""),
    publishableKey: process.env.SOKO_E2E_PUBLISHABLE_KEY ?? "",
  }
}

function watch(context, stack) {
  const problems = []
  const warnings = []
  const ours = new Set(["localhost", "127.0.0.1", new URL(stack.storefrontUrl).hostname, new URL(stack.backendUrl).hostname])
  context.on("request", (request) => {
    const url = new URL(request.url())
    if ((url.protocol === "http:" || url.protocol === "https:") && !ours.has(url.hostname)) {
      problems.push(`request to a third-party host: ${request.url()}`)
    }
  })
  const attach = (page) => {
    page.on("pageerror", (e) => {
      const message = `page error on ${page.url()}: ${e.message}`
      ;(!strictHydration && RECOVERABLE_HYDRATION.test(e.message) ? warnings : problems).push(message.slice(0, 500))
    })
    page.on("console", (m) => {
      // The storefront's own fallbacks (a stuck soft navigation loaded the plain way): shown, not failed.
      if (m.type() === "warning" && m.text().startsWith("[soko]")) {
        warnings.push(`${m.text()} (on ${page.url()})`)
      }
      if (m.type() === "error" && !/Failed to load resource: the server responded with a status of 4\d\d/.test(m.text())) {
        const message = `console error on ${page.url()}: ${m.text().slice(0, 500)}`
        ;(!strictHydration && RECOVERABLE_HYDRATION.test(m.text()) ? warnings : problems).push(message)
      }
    })
  }
  context.pages().forEach(attach)
  context.on("page", attach)
  return { problems, warnings }
}

for (const journey of journeys) {
  test(journey.name, async ({ page, context }, testInfo) => {
    context.setDefaultTimeout(Number(process.env.E2E_TIMEOUT_MS || 30_000))
    const stack = stackFromEnv()
    const { problems, warnings } = watch(context, stack)
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
    for (const warning of warnings) {
      testInfo.annotations.push({ type: "warning", description: warning })
      console.log(`⚠ ${warning}`)
    }
    expect(problems, "page errors, console errors or third-party requests").toEqual([])
  })
}
