import "server-only"
import type { HttpTypes } from "@medusajs/types"
import { cache } from "react"
import { type CatalogParams, nativeOrder, needsScan, PAGE_SIZE } from "../catalog/params"
import { applyScan, pageCount, pageOf, type ScanRow } from "../catalog/scan"
import { CATALOG_TTL, SLOW_TTL, storeFetch } from "./fetch"

const CARD_FIELDS = [
  "id",
  "title",
  "handle",
  "subtitle",
  "thumbnail",
  "created_at",
  "*variants.calculated_price",
  "variants.id",
  "variants.title",
  "+variants.inventory_quantity",
  "variants.manage_inventory",
  "variants.allow_backorder",
].join(",")

const PRODUCT_FIELDS = [
  "*variants.calculated_price",
  "+variants.inventory_quantity",
  "*variants.options",
  "*variants.images",
  "*options",
  "*options.values",
  "*images",
  "*categories",
  "*collection",
].join(",")

const SCAN_FIELDS = [
  "id",
  "title",
  "created_at",
  "variants.id",
  "variants.calculated_price.calculated_amount",
  "variants.options.value",
  // The option's title only comes back with the whole option ("*"); a dotted path is dropped.
  "*variants.options.option",
].join(",")

type ProductList = { products: HttpTypes.StoreProduct[]; count: number }

export const listCategories = cache(async (): Promise<HttpTypes.StoreProductCategory[]> => {
  const { product_categories } = await storeFetch<{ product_categories: HttpTypes.StoreProductCategory[] }>(
    "/store/product-categories",
    { query: { fields: "id,name,handle,description,parent_category_id", limit: 200 }, revalidate: SLOW_TTL, tags: ["categories"] }
  )
  return product_categories
})

export const listCollections = cache(async (): Promise<HttpTypes.StoreCollection[]> => {
  const { collections } = await storeFetch<{ collections: HttpTypes.StoreCollection[] }>("/store/collections", {
    query: { fields: "id,title,handle", limit: 100 },
    revalidate: SLOW_TTL,
    tags: ["collections"],
  })
  return collections
})

export type OptionFacet = { title: string; values: string[] }

/**
 * Option facets by title ("Color": Black, Blue, Red…). Options belong to a
 * product in Medusa, so equal titles across products are merged here.
 */
export const listOptionFacets = cache(async (): Promise<OptionFacet[]> => {
  const facets = new Map<string, Set<string>>()
  let offset = 0
  for (;;) {
    const page = await storeFetch<{ product_options: HttpTypes.StoreProductOption[]; count: number }>(
      "/store/product-options",
      { query: { fields: "id,title,values.value", limit: 200, offset }, revalidate: SLOW_TTL, tags: ["products"] }
    )
    for (const option of page.product_options) {
      const key = option.title.trim()
      const set = facets.get(key) ?? new Set<string>()
      for (const value of option.values ?? []) {
        set.add(value.value)
      }
      facets.set(key, set)
    }
    offset += page.product_options.length
    if (!page.product_options.length || offset >= page.count) {
      break
    }
  }
  return [...facets.entries()]
    .map(([title, values]) => ({ title, values: [...values].sort(naturalCompare) }))
    .filter((f) => f.values.length > 1)
    .sort((a, b) => a.title.localeCompare(b.title))
})

function naturalCompare(a: string, b: string): number {
  return a.localeCompare(b, "en", { numeric: true })
}

export type CatalogResult = {
  products: HttpTypes.StoreProduct[]
  count: number
  page: number
  pageCount: number
  /** "native": the store API paged it; "scan": the whole filtered list was sorted here. */
  mode: "native" | "scan"
}

async function resolveHandles(params: CatalogParams) {
  const [categories, collections] = await Promise.all([listCategories(), listCollections()])
  const categoryIds = params.categories
    .map((h) => categories.find((c) => c.handle === h)?.id)
    .filter((id): id is string => Boolean(id))
  const collectionIds = params.collections
    .map((h) => collections.find((c) => c.handle === h)?.id)
    .filter((id): id is string => Boolean(id))
  return {
    categoryIds,
    collectionIds,
    // A handle that doesn't exist matches nothing (rather than being ignored).
    impossible: categoryIds.length < params.categories.length || collectionIds.length < params.collections.length,
  }
}

export async function listCatalog(params: CatalogParams, regionId: string): Promise<CatalogResult> {
  const { categoryIds, collectionIds, impossible } = await resolveHandles(params)
  if (impossible) {
    return { products: [], count: 0, page: 1, pageCount: 1, mode: "native" }
  }
  const filters: Record<string, unknown> = {
    region_id: regionId,
    ...(params.q ? { q: params.q } : {}),
    ...(categoryIds.length ? { category_id: categoryIds } : {}),
    ...(collectionIds.length ? { collection_id: collectionIds } : {}),
  }

  if (!needsScan(params)) {
    const page = params.page
    const { products, count } = await storeFetch<ProductList>("/store/products", {
      query: {
        ...filters,
        fields: CARD_FIELDS,
        limit: PAGE_SIZE,
        offset: (page - 1) * PAGE_SIZE,
        ...(nativeOrder(params.sort) ? { order: nativeOrder(params.sort) } : {}),
      },
      revalidate: CATALOG_TTL,
      tags: ["products"],
    })
    return { products, count, page, pageCount: pageCount(count, PAGE_SIZE), mode: "native" }
  }

  const rows = await scanCatalog(filters)
  const kept = applyScan(rows, params)
  const ids = pageOf(kept, params.page, PAGE_SIZE).map((r) => r.id)
  const products = ids.length ? await productsByIds(ids, regionId) : []
  return {
    products,
    count: kept.length,
    page: params.page,
    pageCount: pageCount(kept.length, PAGE_SIZE),
    mode: "scan",
  }
}

const SCAN_PAGE = 200

/** Every product matching the native filters, with just enough to filter and sort by price. */
async function scanCatalog(filters: Record<string, unknown>): Promise<ScanRow[]> {
  const rows: ScanRow[] = []
  let offset = 0
  for (;;) {
    const { products, count } = await storeFetch<ProductList>("/store/products", {
      query: { ...filters, fields: SCAN_FIELDS, limit: SCAN_PAGE, offset, order: "created_at" },
      revalidate: CATALOG_TTL,
      tags: ["products"],
    })
    for (const p of products) {
      rows.push({
        id: p.id,
        title: p.title ?? "",
        created_at: String(p.created_at ?? ""),
        variants: (p.variants ?? []).map((v) => ({
          price: typeof v.calculated_price?.calculated_amount === "number" ? v.calculated_price.calculated_amount : null,
          options: (v.options ?? []).map((o) => ({ title: o.option?.title ?? "", value: o.value })),
        })),
      })
    }
    offset += products.length
    if (!products.length || offset >= count) {
      return rows
    }
  }
}

async function productsByIds(ids: string[], regionId: string): Promise<HttpTypes.StoreProduct[]> {
  const { products } = await storeFetch<ProductList>("/store/products", {
    query: { id: ids, region_id: regionId, fields: CARD_FIELDS, limit: ids.length },
    revalidate: CATALOG_TTL,
    tags: ["products"],
  })
  const byId = new Map(products.map((p) => [p.id, p]))
  return ids.map((id) => byId.get(id)).filter((p): p is HttpTypes.StoreProduct => Boolean(p))
}

export async function listProducts(
  regionId: string,
  query: { collection_id?: string[]; category_id?: string[]; limit?: number; order?: string } = {}
): Promise<HttpTypes.StoreProduct[]> {
  const { products } = await storeFetch<ProductList>("/store/products", {
    query: { region_id: regionId, fields: CARD_FIELDS, limit: query.limit ?? 8, ...query },
    revalidate: CATALOG_TTL,
    tags: ["products"],
  })
  return products
}

export const getProduct = cache(async (handle: string, regionId: string): Promise<HttpTypes.StoreProduct | null> => {
  const { products } = await storeFetch<ProductList>("/store/products", {
    query: { handle, region_id: regionId, fields: PRODUCT_FIELDS, limit: 1 },
    // Short: the page shows stock.
    revalidate: 15,
    tags: ["products"],
  })
  return products[0] ?? null
})
