import { defineSearchIndex, graphConsume, graphSeed, search } from "@medusajs/framework/utils"
import type { SearchTypes } from "@medusajs/framework/types"
import { fromPricesFor } from "../lib/search/from-prices"
import { toProductDocument, type ProductRow } from "../lib/search/product-document"
import { productIdsForEvent, removesProduct } from "../lib/search/product-events"

/**
 * The storefront catalog's index on Medusa's Search Module (PostgreSQL
 * provider in both profiles): free text over title, subtitle and description;
 * filters and facets on categories, collection and option values; the
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
  handle: search.keyword().filterable().retrievable(),
  thumbnail: search.keyword().retrievable(),
  collection_handle: search.keyword().filterable().facetable().retrievable(),
  category_handles: search.keyword().array().filterable().facetable().retrievable(),
  option_values: search.keyword().array().filterable().facetable().retrievable(),
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
    "options.title",
    "options.values.value",
  ],
  transform: async (rows: ProductRow[], context: SearchTypes.SearchIngestionContext) => {
    const prices = await fromPricesFor(context.container.query, rows.map((row) => row.id))
    return rows.map((row) => toProductDocument(row, prices))
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
  ],
  consume: graphConsume({
    ...source,
    resolve_ids: (event, context) => productIdsForEvent(event, context.container.query),
    is_delete: removesProduct,
  }),
  seed: graphSeed(source),
})
