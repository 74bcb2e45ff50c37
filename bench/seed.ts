/**
 * Bench catalog, seeded through Medusa's own workflows:
 * `medusa exec ./bench/seed.ts` (the harness runs it; safe to run again, it
 * only adds what is missing).
 *
 * On top of the demo shop (regions Kenya with M-Pesa and the system provider
 * and International, tax, Nairobi stock location, shipping options,
 * publishable key): BENCH_PRODUCTS products (default 500) with 10 variants
 * each, KES and USD prices, stock at the Nairobi location, and an admin login
 * for the admin scenarios. Writes what the harness needs to BENCH_SEED_OUT.
 */
import { writeFileSync } from "node:fs"
import type { ExecArgs, MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules, ProductStatus } from "@medusajs/framework/utils"
import { createInventoryLevelsWorkflow, createProductsWorkflow } from "@medusajs/medusa/core-flows"
import { runSeed } from "../src/scripts/seed/run-seed"
import { ensureAdminUser } from "../src/scripts/seed/admin-user"

export const BENCH_ADMIN = { email: "bench-admin@example.com", password: "bench-password-1" }
const SIZES = ["XS", "S", "M", "L", "XL", "2XL", "3XL", "4XL", "5XL", "6XL"]
const ADJECTIVES = ["Amani", "Baraka", "Jua", "Mvua", "Nyota", "Pwani", "Safari", "Tamu", "Upepo", "Zawadi"]
const NOUNS = ["Kikoi", "Kanga", "Sandal", "Basket", "Mug", "Scarf", "Shirt", "Bag", "Bowl", "Blanket"]
const BATCH = 25

function benchProduct(n: number, profileId: string, salesChannelId: string) {
  const title = `${ADJECTIVES[n % 10]} ${NOUNS[Math.floor(n / 10) % 10]} ${n}`
  return {
    title,
    handle: `bench-${n}`,
    description: `${title}: bench catalog item number ${n}, woven in Nairobi.`,
    status: ProductStatus.PUBLISHED,
    weight: 400,
    shipping_profile_id: profileId,
    sales_channels: [{ id: salesChannelId }],
    options: [{ title: "Size", values: SIZES }],
    metadata: { bench: 1 },
    variants: SIZES.map((size, i) => ({
      title: size,
      sku: `BENCH-${n}-${size}`,
      options: { Size: size },
      manage_inventory: true,
      prices: [
        // Whole shillings and whole cents: money is never a float.
        { currency_code: "kes", amount: 500 + ((n * 37 + i * 50) % 4500) },
        { currency_code: "usd", amount: 5 + ((n + i) % 40) },
      ],
    })),
  }
}

async function stock(container: MedusaContainer, productIds: string[], locationId: string) {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({
    entity: "product_variant",
    fields: ["id", "inventory_items.inventory_item_id"],
    filters: { product_id: productIds },
  })
  const levels = (data as { inventory_items?: { inventory_item_id: string }[] }[]).flatMap((v) =>
    (v.inventory_items ?? []).map((item) => ({
      inventory_item_id: item.inventory_item_id,
      location_id: locationId,
      stocked_quantity: 1_000_000,
    }))
  )
  if (levels.length) {
    await createInventoryLevelsWorkflow(container).run({ input: { inventory_levels: levels } })
  }
}

export default async function benchSeed({ container }: ExecArgs) {
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  const started = Date.now()
  const demo = await runSeed(container)
  await ensureAdminUser(container, BENCH_ADMIN.email, BENCH_ADMIN.password)

  const products = container.resolve(Modules.PRODUCT)
  const fulfillment = container.resolve(Modules.FULFILLMENT)
  const stockLocations = container.resolve(Modules.STOCK_LOCATION)
  const salesChannels = container.resolve(Modules.SALES_CHANNEL)
  const [profile] = await fulfillment.listShippingProfiles({ type: "default" })
  const [location] = await stockLocations.listStockLocations({})
  const [channel] = await salesChannels.listSalesChannels({ name: "Default Sales Channel" })

  const total = Number(process.env.BENCH_PRODUCTS || 500)
  const wanted = Array.from({ length: total }, (_, n) => `bench-${n}`)
  const existing = await products.listProducts({ handle: wanted }, { select: ["id", "handle"], take: total })
  const have = new Set(existing.map((p) => p.handle))
  const missing = Array.from({ length: total }, (_, n) => n).filter((n) => !have.has(`bench-${n}`))
  if (missing.length) {
    console.log(`[bench seed] creating ${missing.length} products × 10 variants in batches of ${BATCH}`)
  }
  for (let i = 0; i < missing.length; i += BATCH) {
    const batch = missing.slice(i, i + BATCH)
    const { result } = await createProductsWorkflow(container).run({
      input: { products: batch.map((n) => benchProduct(n, profile.id, channel.id)) },
    })
    await stock(
      container,
      result.map((p) => p.id),
      location.id
    )
    const done = Math.min(i + BATCH, missing.length)
    console.log(
      `[bench seed] ${done}/${missing.length} products (${Math.round((Date.now() - started) / 1000)} s)`
    )
  }

  const sample = await products.listProducts(
    { handle: wanted.slice(0, 200) },
    { select: ["id", "handle"], relations: ["variants"], take: 200 }
  )
  const [productCount, variantCount] = await Promise.all([
    products.listAndCountProducts({}, { take: 1 }).then(([, c]) => c),
    products.listAndCountProductVariants({}, { take: 1 }).then(([, c]) => c),
  ])
  const out = {
    publishableKey: demo.publishableKey,
    kenyaRegionId: demo.kenyaRegionId,
    internationalRegionId: demo.internationalRegionId,
    admin: BENCH_ADMIN,
    productCount,
    variantCount,
    products: sample.map((p) => ({ id: p.id, handle: p.handle, variantIds: (p.variants ?? []).map((v) => v.id) })),
  }
  if (process.env.BENCH_SEED_OUT) {
    writeFileSync(process.env.BENCH_SEED_OUT, JSON.stringify(out, null, 2))
  }
  logger.info(`Bench seed: ${productCount} products, ${variantCount} variants`)
}
