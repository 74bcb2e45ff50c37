/**
 * The storefront's specs against a stack that is already running (no global
 * setup): for probing one build over and over without restarting the backend.
 * Point it at the stack through SOKO_E2E_STOREFRONT_URL, SOKO_E2E_BACKEND_URL,
 * SOKO_E2E_SIMULATOR_URL and SOKO_E2E_PUBLISHABLE_KEY, then e.g.
 *
 *   SOKO_ROUTER_PROBE=1 npx playwright test --config storefront/e2e/running-stack.config.mjs -g "router probe"
 *
 * (from the repository root; the usual way, with a fresh stack, is the root playwright.config.ts).
 */
import { defineConfig } from "@playwright/test"

export default defineConfig({
  testDir: ".",
  testMatch: "*.spec.mjs",
  workers: 1,
  retries: 0,
  timeout: 10 * 60_000,
  outputDir: "../../.data/e2e/running-stack-results",
  reporter: [["list"]],
  use: {
    headless: true,
    launchOptions: {
      executablePath: process.env.SOKO_CHROMIUM || "/usr/bin/chromium",
      args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
    },
    viewport: { width: 360, height: 780 },
    deviceScaleFactor: 1,
    isMobile: true,
    hasTouch: true,
    locale: "en-KE",
    timezoneId: "Africa/Nairobi",
  },
})
