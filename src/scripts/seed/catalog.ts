/**
 * The demo catalog of a Kenyan shop, kept as data in ./demo-catalog.json so a
 * merchant (or a translator) can change it without reading code. It is
 * checked here when loaded: a mistake in the file stops the seed with a
 * message naming the product and field, never a half-seeded shop.
 *
 * Prices are in major units (KES 1,450 is 1450); KES prices include 16% VAT
 * as Kenyan shelf prices do.
 */
import { z } from "@medusajs/framework/zod"
import catalog from "./demo-catalog.json"

export type SeedVariant = {
  title: string
  sku: string
  options: Record<string, string>
  kes: number
  usd: number
  stock: number
}

const count = z.number().int().nonnegative()
/** Whole shillings and cents-free dollars: M-Pesa takes whole KES only. */
const price = z.number().int().positive()

const productSchema = z.object({
  handle: z.string().regex(/^[a-z0-9-]+$/, "must be lower-case letters, digits and dashes"),
  title: z.string().min(1),
  subtitle: z.string(),
  description: z.string(),
  category: z.string(),
  /** Handle of the product's collection (Medusa gives a product at most one). */
  collection: z.string().optional(),
  /** Grams. */
  weight: count,
  /** The colour of the generated product image. */
  hue: z.number().int().min(0).max(360),
  options: z.array(z.object({ title: z.string().min(1), values: z.array(z.string().min(1)).min(1) })).min(1),
  /** SKU prefix; each variant's SKU adds its option values. */
  sku: z.string().regex(/^[A-Z0-9-]+$/, "must be upper-case letters, digits and dashes"),
  variants: z
    .array(z.object({ options: z.record(z.string(), z.string()), kes: price, usd: price, stock: count }))
    .min(1),
})

const catalogSchema = z.object({
  categories: z.array(z.object({ handle: z.string(), name: z.string() })).min(1),
  collections: z.array(z.object({ handle: z.string(), title: z.string() })),
  products: z.array(productSchema).min(1),
})

type ProductData = z.infer<typeof productSchema>

export type SeedProduct = Omit<ProductData, "sku" | "variants"> & { variants: SeedVariant[] }

function expandVariants(product: ProductData): SeedVariant[] {
  return product.variants.map(({ options, kes, usd, stock }) => {
    const values = Object.values(options)
    return {
      title: values.join(" / "),
      sku: [product.sku, ...values.map((v) => v.toUpperCase().replace(/[^A-Z0-9]+/g, ""))].join("-"),
      options,
      kes,
      usd,
      stock,
    }
  })
}

/** Reads the catalog; every product's category, collection and variant options must exist. */
export function loadCatalog(data: unknown) {
  const parsed = catalogSchema.safeParse(data)
  if (!parsed.success) {
    const issue = parsed.error.issues[0]
    throw new Error(`demo-catalog.json: ${issue.path.join(".")}: ${issue.message}`)
  }
  const { categories, collections, products } = parsed.data
  for (const product of products) {
    const where = `demo-catalog.json: product "${product.handle}"`
    if (!categories.some((c) => c.handle === product.category)) {
      throw new Error(`${where}: category "${product.category}" is not in categories`)
    }
    if (product.collection && !collections.some((c) => c.handle === product.collection)) {
      throw new Error(`${where}: collection "${product.collection}" is not in collections`)
    }
    for (const variant of product.variants) {
      const missing = product.options.find((o) => !(o.title in variant.options))
      if (missing) {
        throw new Error(`${where}: a variant has no value for option ${missing.title}`)
      }
      for (const [title, value] of Object.entries(variant.options)) {
        if (!product.options.some((o) => o.title === title && o.values.includes(value))) {
          throw new Error(`${where}: variant option ${title} = "${value}" is not one of the product's options`)
        }
      }
    }
  }
  return {
    categories,
    collections,
    products: products.map(({ sku: _sku, variants: _variants, ...product }): SeedProduct => ({
      ...product,
      variants: expandVariants({ sku: _sku, variants: _variants, ...product }),
    })),
  }
}

const demo = loadCatalog(catalog)

export const SEED_CATEGORIES = demo.categories
export const SEED_COLLECTIONS = demo.collections
export const SEED_PRODUCTS: SeedProduct[] = demo.products
