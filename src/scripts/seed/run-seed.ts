import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { seedDemoCustomer } from "./customer"
import { seedCategories, seedCollections, seedProducts } from "./catalog-setup"
import { seedShipping, seedStockLocation } from "./fulfillment"
import { activatePendingSearchIndexes, rebuildAllSearchIndexes } from "../../lib/search/rebuild"
import { seedTranslations } from "./translations"
import {
  defaultSalesChannelId,
  seedPublishableKey,
  seedRegions,
  seedStore,
  seedTaxRegions,
} from "./store-setup"

export type SeedOptions = {
  /** Fault injection for tests: stop as if killed after this many new products. */
  interruptAfterProducts?: number
}

export type SeedResult = {
  publishableKey: string
  productsCreated: number
  kenyaRegionId: string
  internationalRegionId: string
}

/**
 * Seeds the demo Kenyan shop. Every section looks before it creates, so running
 * it again (or after an interruption) completes what is missing and changes
 * nothing else.
 */
export async function runSeed(container: MedusaContainer, options: SeedOptions = {}): Promise<SeedResult> {
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  const step = async <T>(label: string, fn: () => Promise<T>): Promise<T> => {
    logger.info(`Seed: ${label}`)
    return fn()
  }

  await step("search index ready for the catalog's events", () => activatePendingSearchIndexes(container, (line) => logger.info(line)))
  const salesChannelId = await defaultSalesChannelId(container)
  await step("store and currencies (KES, USD)", () => seedStore(container, salesChannelId))
  const regions = await step("regions Kenya and International", () => seedRegions(container))
  await step("tax regions", () => seedTaxRegions(container))
  const locationId = await step("stock location Nairobi", () => seedStockLocation(container, salesChannelId))
  await step("shipping options", () => seedShipping(container, locationId, regions))
  const publishableKey = await step("publishable API key", () => seedPublishableKey(container, salesChannelId))
  const categories = await step("categories", () => seedCategories(container))
  const collections = await step("collections", () => seedCollections(container))
  const [profile] = await container.resolve(Modules.FULFILLMENT).listShippingProfiles({ type: "default" })
  const productsCreated = await step("products, prices and stock", () =>
    seedProducts(
      container,
      { salesChannelId, locationId, shippingProfileId: profile.id, categories, collections },
      logger,
      options.interruptAfterProducts
    )
  )
  await step("Swahili catalog content (Translation Module)", () => seedTranslations(container))
  await step("demo customer", () => seedDemoCustomer(container))
  // The seed runs in a short-lived process: the catalog's events (products, stock, translations) may
  // not all be consumed before it exits, so the index is rebuilt from what the seed wrote.
  await step("search index rebuilt from the seeded catalog", () => rebuildAllSearchIndexes(container, (line) => logger.info(line)))

  return {
    publishableKey,
    productsCreated,
    kenyaRegionId: regions.kenyaId,
    internationalRegionId: regions.internationalId,
  }
}
