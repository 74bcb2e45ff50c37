import {
  createCollectionsWorkflow,
  createInventoryLevelsWorkflow,
  createProductCategoriesWorkflow,
  createProductsWorkflow,
  deleteProductsWorkflow,
  uploadFilesWorkflow,
} from "@medusajs/medusa/core-flows"
import type { Logger, MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules, ProductStatus } from "@medusajs/framework/utils"
import { SEED_CATEGORIES, SEED_COLLECTIONS, SEED_PRODUCTS, type SeedProduct } from "./catalog"
import { productImageSvg } from "./product-image"

/** Written on a product once it, its prices and its stock are all in place. */
export const SEED_MARK = "soko_seed"

export async function seedCategories(container: MedusaContainer) {
  const products = container.resolve(Modules.PRODUCT)
  const handles = SEED_CATEGORIES.map((c) => c.handle)
  const existing = await products.listProductCategories({ handle: handles })
  const have = new Set(existing.map((c) => c.handle))
  const missing = SEED_CATEGORIES.filter((c) => !have.has(c.handle))
  if (missing.length) {
    await createProductCategoriesWorkflow(container).run({
      input: {
        product_categories: missing.map((c) => ({ ...c, is_active: true, is_internal: false })),
      },
    })
  }
  const all = await products.listProductCategories({ handle: handles })
  return new Map(all.map((c) => [c.handle, c.id]))
}

export async function seedCollections(container: MedusaContainer) {
  const products = container.resolve(Modules.PRODUCT)
  const handles = SEED_COLLECTIONS.map((c) => c.handle)
  const existing = await products.listProductCollections({ handle: handles })
  const have = new Set(existing.map((c) => c.handle))
  const missing = SEED_COLLECTIONS.filter((c) => !have.has(c.handle))
  if (missing.length) {
    await createCollectionsWorkflow(container).run({ input: { collections: missing.map((c) => ({ ...c })) } })
  }
  const all = await products.listProductCollections({ handle: handles })
  return new Map(all.map((c) => [c.handle, c.id]))
}

async function uploadImages(container: MedusaContainer, product: SeedProduct) {
  const { result } = await uploadFilesWorkflow(container).run({
    input: {
      files: [0, 1].map((variant) => ({
        filename: `${product.handle}-${variant + 1}.svg`,
        mimeType: "image/svg+xml",
        content: Buffer.from(productImageSvg(product.title, product.hue, variant)).toString("base64"),
        access: "public" as const,
      })),
    },
  })
  return result.map((file) => file.url)
}

async function stockProduct(
  container: MedusaContainer,
  productId: string,
  product: SeedProduct,
  locationId: string
) {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data: variants } = await query.graph({
    entity: "product_variant",
    fields: ["id", "sku", "inventory_items.inventory_item_id", "inventory_items.inventory.location_levels.location_id"],
    filters: { product_id: productId },
  })
  type VariantStock = {
    sku: string | null
    inventory_items?: {
      inventory_item_id: string
      inventory?: { location_levels?: ({ location_id: string } | null)[] }
    }[]
  }
  const stockBySku = new Map(product.variants.map((v) => [v.sku, v.stock]))
  const levels = (variants as VariantStock[]).flatMap((variant) =>
    (variant.inventory_items ?? [])
      .filter((item) => !(item.inventory?.location_levels ?? []).some((l) => l?.location_id === locationId))
      .map((item) => ({
        inventory_item_id: item.inventory_item_id,
        location_id: locationId,
        stocked_quantity: stockBySku.get(variant.sku ?? "") ?? 0,
      }))
  )
  if (levels.length) {
    await createInventoryLevelsWorkflow(container).run({ input: { inventory_levels: levels } })
  }
}

export async function seedProducts(
  container: MedusaContainer,
  refs: {
    salesChannelId: string
    locationId: string
    shippingProfileId: string
    categories: Map<string, string>
    collections: Map<string, string>
  },
  logger: Logger,
  interruptAfter?: number
) {
  const products = container.resolve(Modules.PRODUCT)
  const existing = await products.listProducts(
    { handle: SEED_PRODUCTS.map((p) => p.handle) },
    { select: ["id", "handle", "metadata"], withDeleted: false }
  )
  // A product without the mark was cut off mid-seed: remove it and make it again.
  const incomplete = existing.filter((p) => !p.metadata?.[SEED_MARK])
  if (incomplete.length) {
    logger.info(`Re-creating ${incomplete.length} product(s) left incomplete by an interrupted seed`)
    await deleteProductsWorkflow(container).run({ input: { ids: incomplete.map((p) => p.id) } })
  }
  const done = new Set(existing.filter((p) => p.metadata?.[SEED_MARK]).map((p) => p.handle))

  let created = 0
  for (const product of SEED_PRODUCTS) {
    if (done.has(product.handle)) {
      continue
    }
    if (interruptAfter !== undefined && created >= interruptAfter) {
      throw new Error(`Seed interrupted on purpose after ${created} product(s)`)
    }
    const images = await uploadImages(container, product)
    const { result } = await createProductsWorkflow(container).run({
      input: {
        products: [
          {
            title: product.title,
            subtitle: product.subtitle,
            handle: product.handle,
            description: product.description,
            status: ProductStatus.PUBLISHED,
            weight: product.weight,
            thumbnail: images[0],
            images: images.map((url) => ({ url })),
            category_ids: [refs.categories.get(product.category)!],
            collection_id: product.collection ? refs.collections.get(product.collection) : undefined,
            shipping_profile_id: refs.shippingProfileId,
            sales_channels: [{ id: refs.salesChannelId }],
            options: product.options,
            variants: product.variants.map((v) => ({
              title: v.title,
              sku: v.sku,
              options: v.options,
              manage_inventory: true,
              prices: [
                { currency_code: "kes", amount: v.kes },
                { currency_code: "usd", amount: v.usd },
              ],
            })),
          },
        ],
      },
    })
    await stockProduct(container, result[0].id, product, refs.locationId)
    await products.updateProducts(result[0].id, { metadata: { [SEED_MARK]: 1 } })
    created += 1
    logger.info(`Seeded product ${created}: ${product.title}`)
  }
  return created
}
