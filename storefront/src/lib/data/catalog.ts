import "server-only"
import type { HttpTypes } from "@medusajs/types"
import { cache } from "react"
import { getContentLocale, getShopLocale } from "../../i18n/server"
import type { CatalogParams } from "../catalog/params"
import {
  catalogSearchRequest,
  emptyCatalogSearch,
  hasUnknownHandle,
  type OptionFacet,
  type OptionWords,
  pageCount,
  readCatalogSearch,
  type SearchResponse,
} from "../catalog/search-query"
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

type ProductList = { products: HttpTypes.StoreProduct[]; count: number }

/**
 * Every read of products, categories and collections names the shopper's
 * language, so the store API answers with the Translation Module's Swahili
 * titles, names and descriptions (English where a field has none). A query
 * parameter rather than the x-medusa-locale header: it is plainly part of the
 * URL Next's data cache keys on, so one language's cached answer is never
 * served to the other.
 */
async function inLocale<Q extends Record<string, unknown>>(query: Q): Promise<Q & { locale?: string }> {
  const locale = await getContentLocale()
  return locale ? { ...query, locale } : query
}

export const listCategories = cache(async (): Promise<HttpTypes.StoreProductCategory[]> => {
  const { product_categories } = await storeFetch<{ product_categories: HttpTypes.StoreProductCategory[] }>(
    "/store/product-categories",
    { query: await inLocale({ fields: "id,name,handle,description,parent_category_id", limit: 200 }), revalidate: SLOW_TTL, tags: ["categories"] }
  )
  return product_categories
})

export const listCollections = cache(async (): Promise<HttpTypes.StoreCollection[]> => {
  const { collections } = await storeFetch<{ collections: HttpTypes.StoreCollection[] }>("/store/collections", {
    query: await inLocale({ fields: "id,title,handle", limit: 100 }),
    revalidate: SLOW_TTL,
    tags: ["collections"],
  })
  return collections
})

export type CatalogResult = {
  products: HttpTypes.StoreProduct[]
  count: number
  page: number
  pageCount: number
  /** The option filters worth offering for the other filters in force. */
  optionFacets: OptionFacet[]
  /** Their words in the shopper's language. */
  optionWords: OptionWords
}

/**
 * One page of the catalog: the Search Module filters, sorts and pages the whole
 * catalog and answers with ids; the cards come from the store API, so they show
 * the region's exact calculated prices and stock.
 */
export async function listCatalog(
  params: CatalogParams,
  region: Pick<HttpTypes.StoreRegion, "id" | "currency_code">
): Promise<CatalogResult> {
  const [categories, collections, locale] = await Promise.all([listCategories(), listCollections(), getShopLocale()])
  const found = hasUnknownHandle(
    params,
    categories.map((c) => c.handle),
    collections.map((c) => c.handle ?? "")
  )
    ? emptyCatalogSearch(params)
    : readCatalogSearch(
        // Cached like the store API's lists: the same query within a minute is
        // answered from Next's data cache, so a reload renders in one pass (README: Catalog search).
        await storeFetch<SearchResponse>("/store/search", {
          method: "POST",
          body: catalogSearchRequest(params, region.currency_code, locale),
          revalidate: CATALOG_TTL,
          tags: ["products"],
        }),
        params,
        locale
      )
  const products = found.ids.length ? await productsByIds(found.ids, region.id) : []
  return {
    products,
    count: found.count,
    page: params.page,
    pageCount: pageCount(found.count),
    optionFacets: found.facets.options,
    optionWords: found.facets.words,
  }
}

async function productsByIds(ids: string[], regionId: string): Promise<HttpTypes.StoreProduct[]> {
  const { products } = await storeFetch<ProductList>("/store/products", {
    query: await inLocale({ id: ids, region_id: regionId, fields: CARD_FIELDS, limit: ids.length }),
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
    query: await inLocale({ region_id: regionId, fields: CARD_FIELDS, limit: query.limit ?? 8, ...query }),
    revalidate: CATALOG_TTL,
    tags: ["products"],
  })
  return products
}

export const getProduct = cache(async (handle: string, regionId: string): Promise<HttpTypes.StoreProduct | null> => {
  const { products } = await storeFetch<ProductList>("/store/products", {
    query: await inLocale({ handle, region_id: regionId, fields: PRODUCT_FIELDS, limit: 1 }),
    // Short: the page shows stock.
    revalidate: 15,
    tags: ["products"],
  })
  return products[0] ?? null
})
