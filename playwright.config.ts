/**
 * Browser journeys: the storefront's shopper journeys and the admin journeys,
 * against one stack that the global setup starts through the launcher and
 * stops at the end. Debian's Chromium drives them; without it every journey
 * is skipped and the setup says so.
 *
 *   npm run test:e2e                         everything
 *   npm run test:e2e -- --project storefront  one project (or -g <part of a name>)
 */
import { defineConfig } from "@playwright/test"
import { CHROMIUM } from "./integration-tests/e2e/chromium"

export default defineConfig({
  globalSetup: "./integration-tests/e2e/stack.ts",
  // One shared stack and shared shop data: journeys run one at a time, in order.
  workers: 1,
  fullyParallel: false,
  retries: 0,
  forbidOnly: Boolean(process.env.CI),
  timeout: 10 * 60_000,
  // Under a dot-folder: the backend's dev watcher restarts on files written elsewhere in the repo.
  outputDir: ".data/e2e/results",
  reporter: [["list"], ["html", { open: "never", outputFolder: ".data/e2e/report" }]],
  use: {
    headless: true,
    launchOptions: {
      executablePath: CHROMIUM,
      args: [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
    },
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
  },
  projects: [
    {
      name: "storefront",
      testDir: "storefront/e2e",
      testMatch: "*.spec.mjs",
      use: {
        viewport: { width: 360, height: 780 },
        deviceScaleFactor: 1,
        isMobile: true,
        hasTouch: true,
        locale: "en-KE",
        timezoneId: "Africa/Nairobi",
      },
    },
    {
      name: "admin",
      testDir: "integration-tests/e2e",
      testMatch: "*.e2e.ts",
      use: { viewport: { width: 1440, height: 1000 } },
    },
  ],
})
