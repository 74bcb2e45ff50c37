import type { MedusaContainer } from "@medusajs/framework/types"
import { runSeed } from "../../src/scripts/seed/run-seed"
import { adminHeaders, type Api } from "./admin"

type Headers = { headers: Record<string, string> }

/**
 * The demo shop seeded once for a spec file, with the store's publishable key
 * and a signed-in admin. Call inside the runner's testSuite: its beforeAll runs
 * before Medusa's runner snapshots the database, which is then restored before
 * every test, so each test starts from this shop without seeding again.
 */
export function useSeededShop(getContainer: () => MedusaContainer, api: Api): { store: () => Headers; admin: () => Headers } {
  let store: Headers | undefined
  let admin: Headers | undefined
  beforeAll(async () => {
    const { publishableKey } = await runSeed(getContainer())
    store = { headers: { "x-publishable-api-key": publishableKey } }
    admin = await adminHeaders(getContainer(), api)
  })
  const ready = (headers: Headers | undefined, what: string) => {
    if (!headers) {
      throw new Error(`the seeded shop's ${what} headers are read before its beforeAll ran`)
    }
    return headers
  }
  return { store: () => ready(store, "store"), admin: () => ready(admin, "admin") }
}
