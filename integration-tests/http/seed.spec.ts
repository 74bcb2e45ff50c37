import { appIntegrationTestRunner } from "../helpers/app-test-runner"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import type { MedusaContainer } from "@medusajs/framework/types"
import { SEED_PRODUCTS } from "../../src/scripts/seed/catalog"
import { runSeed } from "../../src/scripts/seed/run-seed"

jest.setTimeout(180_000)

async function counts(container: MedusaContainer) {
  const pg = container.resolve(ContainerRegistrationKeys.PG_CONNECTION)
  const tables = [
    "product",
    "product_variant",
    "price",
    "inventory_level",
    "region",
    "tax_region",
    "shipping_option",
    "stock_location",
    "fulfillment_set",
    "product_category",
    "product_collection",
    "api_key",
    "customer",
    "customer_address",
    "image",
  ]
  const result: Record<string, number> = {}
  for (const table of tables) {
    const [{ count }] = await pg(table).whereNull("deleted_at").count("* as count")
    result[table] = Number(count)
  }
  return result
}

appIntegrationTestRunner({
  inApp: true,
  env: {},
  testSuite: ({ getContainer }) => {
    describe("demo seed", () => {
      it("builds the Kenyan shop and a second run changes nothing", async () => {
        const container = getContainer()
        const first = await runSeed(container)
        expect(first.productsCreated).toBe(SEED_PRODUCTS.length)
        const after = await counts(container)
        expect(after.product).toBe(SEED_PRODUCTS.length)
        expect(after.region).toBe(2)
        expect(after.shipping_option).toBe(4)
        expect(after.product_category).toBe(6)
        expect(after.product_collection).toBe(3)
        expect(after.customer).toBe(1)

        const store = (await container.resolve(Modules.STORE).listStores({}, { relations: ["supported_currencies"] }))[0]
        const currencies = (store.supported_currencies ?? []).map((c) => [c.currency_code, c.is_default])
        expect(currencies).toEqual(expect.arrayContaining([["kes", true], ["usd", false]]))

        const second = await runSeed(container)
        expect(second.productsCreated).toBe(0)
        expect(second.publishableKey).toBe(first.publishableKey)
        expect(await counts(container)).toEqual(after)
      })

      it("finishes an interrupted seed without duplicates", async () => {
        const container = getContainer()
        await expect(runSeed(container, { interruptAfterProducts: 5 })).rejects.toThrow(/interrupted/)
        const partial = await counts(container)
        expect(partial.product).toBe(5)

        // Simulate a crash inside a product: created but never marked complete.
        const products = container.resolve(Modules.PRODUCT)
        const [halfDone] = await products.listProducts({ handle: SEED_PRODUCTS[0].handle })
        await products.updateProducts(halfDone.id, { metadata: { soko_seed: null } })

        const resumed = await runSeed(container)
        expect(resumed.productsCreated).toBe(SEED_PRODUCTS.length - 4)
        const final = await counts(container)
        expect(final.product).toBe(SEED_PRODUCTS.length)
        const variants = SEED_PRODUCTS.reduce((n, p) => n + p.variants.length, 0)
        expect(final.product_variant).toBe(variants)
        expect(final.inventory_level).toBe(variants)
        expect(final.price).toBeGreaterThanOrEqual(variants * 2)
      })
    })
  },
})
