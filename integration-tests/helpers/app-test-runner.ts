import { randomBytes } from "node:crypto"
import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { cloneAppTemplate } from "./app-template"

type RunnerOptions = Parameters<typeof medusaIntegrationTestRunner>[0]

/**
 * Medusa's `medusaIntegrationTestRunner`, with the spec file's database copied
 * from the HTTP project's migrated template first (helpers/app-template.ts).
 */
export function appIntegrationTestRunner(options: RunnerOptions) {
  const dbName = `soko-http-${randomBytes(4).toString("hex")}-${process.env.JEST_WORKER_ID ?? "1"}`
  // Registered before the runner's own describe, so it runs before the runner creates and migrates the database.
  beforeAll(() => cloneAppTemplate(dbName), 120_000)
  return medusaIntegrationTestRunner({ ...options, dbName })
}
