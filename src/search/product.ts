import { defineSearchIndex, graphConsume, graphSeed, search } from "@medusajs/framework/utils"
import type { SearchTypes } from "@medusajs/framework/types"
import { fromPricesFor } from "../lib/search/from-prices"
import { toProductDocument, type ProductRow } from "../lib/search/product-document"
import { STOCK_FIELDS } from "../lib/search/stock"
import { translatedTextsFor } from "../lib/search/translated-texts"
import { productIdsForEvent, removesProduct } from "../lib/search/product-events"

/**
 * The storefront catalog's index on Medusa's Search Module (PostgreSQL
 * provider in both profiles): free text over title, subtitle and description
 * in English and Swahili;
 * filters and facets on categories, collection, option values and stock; the
 * cheapest price per currency to filter and sort the whole catalog by.
 * `POST /store/search` narrows it to published products of the publishable
 * key's sales channel (it reads `status` and `sales_channel_ids`).
 */
const fields = search.define({
  id: search.keyword().filterable().retrievable(),
  status: search.keyword().filterable().retrievable(false),
  sales_channel_ids: search.keyword().array().filterable().retrievable(false),
  title: search.text().searchable({ weight: 3 }).sortable().retrievable(),
  subtitle: search.text().searchable({ weight: 2 }).retrievable(),
  description: search.text().searchable().retrievable(false),
  // Swahili (Translation Module), so a search in either language finds the product.
  title_sw: search.text().searchable({ weight: 3 }).retrievable(),
  subtitle_sw: search.text().searchable({ weight: 2 }).retrievable(false),
  description_sw: search.text().searchable().retrievable(false),
  handle: search.keyword().filterable().retrievable(),
  thumbnail: search.keyword().retrievable(),
  collection_handle: search.keyword().filterable().facetable().retrievable(),
  category_handles: search.keyword().array().filterable().facetable().retrievable(),
  option_values: search.keyword().array().filterable().facetable().retrievable(),
  option_sets: search.keyword().array().filterable().retrievable(false),
  option_words_sw: search.keyword().array().facetable().retrievable(false),
  in_stock: search.boolean().filterable().facetable().retrievable(),
  price_kes: search.float().filterable().sortable().facetable({ types: ["range", "stats"] }).retrievable(),
  price_usd: search.float().filterable().sortable().facetable({ types: ["range", "stats"] }).retrievable(),
  created_at: search.date().sortable().retrievable(),
})

const source = {
  fields: [
    "id",
    "title",
    "subtitle",
    "description",
    "handle",
    "thumbnail",
    "status",
    "created_at",
    "collection.handle",
    "categories.handle",
    "sales_channels.id",
    "variants.options.id",
    "variants.options.value",
    "variants.options.option.id",
    "variants.options.option.title",
    ...STOCK_FIELDS,
  ],
  transform: async (rows: ProductRow[], context: SearchTypes.SearchIngestionContext) => {
    const ids = rows.map((row) => row.id)
    const [prices, translated] = await Promise.all([fromPricesFor(context.container.query, ids), translatedTextsFor(context.container.query, rows)])
    return rows.map((row) => toProductDocument(row, prices, translated))
  },
}

export default defineSearchIndex({
  name: "product",
  entity: "product",
  fields,
  events: [
    "product.created",
    "product.updated",
    "product.deleted",
    "product-variant.created",
    "product-variant.updated",
    "product-variant.deleted",
    "product-category.updated",
    "product-collection.updated",
    // Stock: an admin's count, an order's reservation, a fulfilment, a cancellation.
    "inventory-level.created",
    "inventory-level.updated",
    "inventory-level.deleted",
    "reservation-item.created",
    "reservation-item.updated",
    "reservation-item.deleted",
    "translation.created",
    "translation.updated",
    "translation.deleted",
  ],
  consume: graphConsume({
    ...source,
    resolve_ids: (event, context) => productIdsForEvent(event, context.container.query),
    is_delete: removesProduct,
  }),
  seed: graphSeed(source),
})
