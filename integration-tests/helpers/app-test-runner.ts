import { randomBytes } from "node:crypto"
import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { quiesceApp } from "./app-quiesce"
import { cloneAppTemplate } from "./app-template"

type RunnerOptions = Parameters<typeof medusaIntegrationTestRunner>[0]

/**
 * Medusa's `medusaIntegrationTestRunner`, with the spec file's database copied
 * from the HTTP project's migrated template first (helpers/app-template.ts),
 * and the app left idle before the runner shuts it down (helpers/app-quiesce.ts).
 */
export function appIntegrationTestRunner(options: RunnerOptions) {
  const dbName = `soko-http-${randomBytes(4).toString("hex")}-${process.env.JEST_WORKER_ID ?? "1"}`
  // Registered before the runner's own describe, so it runs before the runner creates and migrates the database.
  beforeAll(() => cloneAppTemplate(dbName), 120_000)
  return medusaIntegrationTestRunner({
    ...options,
    dbName,
    // A nested block: its afterAll runs after the spec's tests and before the runner's own afterAll shuts the app down.
    testSuite: (suite) =>
      describe("", () => {
        options.testSuite(suite)
        afterAll(() => quiesceApp(suite.getContainer()), 60_000)
      }),
  })
}
