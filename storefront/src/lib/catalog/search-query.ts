/**
 * The catalog page as one query to Medusa's Search Module (`POST /store/search`,
 * index `product`, defined in the backend's src/search/product.ts): the URL's
 * params in, the request body out; the engine's answer in, the ids of the page's
 * products, the total and the option facets out. The engine filters, sorts and
 * pages the whole catalog, so the storefront never loads more than one page.
 */
import type { SearchFacetResult, SearchFilters, SearchOrderBy, SearchQuery, SearchResult } from "@medusajs/types"
import type { Locale } from "../../i18n/locales"
import { type CatalogParams, PAGE_SIZE, type SortKey } from "./params"

export const PRODUCT_INDEX = "product"

/** The most option values the page asks for; more than a phone's filter list can show anyway. */
const OPTION_FACET_LIMIT = 100

export type SearchRequest = { queries: SearchQuery[] }
export type SearchResponse = { results: SearchResult[] }

export type OptionFacet = { title: string; values: string[] }

/**
 * The option filters' words in the shopper's language: option titles, and
 * values by their "Title:Value" key. The keys (and so the `opt=` links) stay in
 * English; a word missing here shows in English.
 */
export type OptionWords = { titles: Record<string, string>; values: Record<string, string> }

export const NO_WORDS: OptionWords = { titles: {}, values: {} }

/** The index's dictionary of option words per language (backend src/lib/search/product-document.ts). */
const OPTION_WORDS_FIELD: Partial<Record<Locale, string>> = { sw: "option_words_sw" }

/** Enough for every option value of a shop whose filters fit on a phone. */
const OPTION_WORDS_LIMIT = 500

export type CatalogSearch = {
  /** The page's product ids, in the engine's order. */
  ids: string[]
  count: number
  facets: { options: OptionFacet[]; words: OptionWords }
}

/** The index holds one "from" price per currency: the cheapest variant's calculated price there. */
export function priceField(currencyCode: string): string {
  return `price_${currencyCode.toLowerCase()}`
}

/**
 * The engine's order for a sort. Each ends with `title` so products with the same
 * price or date keep one order from page to page (the engine's own tie order can
 * differ between LIMIT/OFFSET queries, which would repeat or skip a product at a
 * page edge). "featured" sends none: relevance with a search term, the index's own
 * order without.
 */
export function searchOrder(sort: SortKey, currencyCode: string): Record<string, SearchOrderBy> | undefined {
  switch (sort) {
    case "newest":
      return { created_at: "DESC", title: "ASC" }
    case "price_asc":
      return { [priceField(currencyCode)]: "ASC", title: "ASC" }
    case "price_desc":
      return { [priceField(currencyCode)]: "DESC", title: "ASC" }
    case "title":
      return { title: "ASC" }
    default:
      return undefined
  }
}

/** More combinations than this and the options are matched one by one instead (any variant each). */
const MAX_OPTION_SETS = 200

/**
 * The checked options as the index's `option_sets` (backend src/lib/search/product-document.ts):
 * every combination of one value per option, "Title:Value" in the same
 * alphabetical order the index uses, joined by "|". Undefined when there are
 * too many combinations to send.
 */
export function optionSetsFor(options: CatalogParams["options"]): string[] | undefined {
  let sets: string[][] = [[]]
  for (const [title, values] of Object.entries(options).filter(([, v]) => v.length)) {
    sets = sets.flatMap((set) => values.map((value) => [...set, `${title}:${value}`]))
    if (sets.length > MAX_OPTION_SETS) {
      return undefined
    }
  }
  return sets.filter((set) => set.length).map((set) => set.sort((a, b) => a.localeCompare(b)).join("|"))
}

/**
 * Values within a filter are alternatives (any of the checked categories); filters
 * of different kinds must all match. Checked options must be offered together by
 * one variant ("Red" and "M": a red M, not a red L beside a blue M), through the
 * index's per-variant `option_sets`; past MAX_OPTION_SETS combinations each option
 * is its own `$and` branch on `option_values`.
 */
export function searchFilters(params: CatalogParams, currencyCode: string): SearchFilters {
  const filters: SearchFilters = {}
  if (params.q) {
    filters.q = params.q
  }
  if (params.categories.length) {
    filters.category_handles = { $overlaps: params.categories }
  }
  if (params.collections.length) {
    filters.collection_handle = { $in: params.collections }
  }
  const sets = optionSetsFor(params.options)
  if (sets === undefined) {
    filters.$and = Object.entries(params.options)
      .filter(([, values]) => values.length)
      .map(([title, values]) => ({ option_values: { $overlaps: values.map((v) => `${title}:${v}`) } }))
  } else if (sets.length) {
    filters.option_sets = { $overlaps: sets }
  }
  if (params.inStock) {
    // The index's stock state (backend src/lib/search/stock.ts); the cards then show the exact stock.
    filters.in_stock = true
  }
  if (params.minPrice !== undefined || params.maxPrice !== undefined) {
    filters[priceField(currencyCode)] = {
      ...(params.minPrice !== undefined ? { $gte: params.minPrice } : {}),
      ...(params.maxPrice !== undefined ? { $lte: params.maxPrice } : {}),
    }
  }
  return filters
}

export function catalogSearchRequest(params: CatalogParams, currencyCode: string, locale: Locale = "en"): SearchRequest {
  const order = searchOrder(params.sort, currencyCode)
  const wordsField = OPTION_WORDS_FIELD[locale]
  return {
    queries: [
      {
        entity: PRODUCT_INDEX,
        // Only ids: the cards are loaded from the store API, with exact prices and stock.
        fields: ["id"],
        filters: searchFilters(params, currencyCode),
        pagination: { skip: (params.page - 1) * PAGE_SIZE, take: PAGE_SIZE, ...(order ? { order } : {}) },
        search_options: {
          // The page shows the total and the last page's number, so an estimate won't do.
          count: "exact",
          typo_tolerance: true,
          // The option facet ignores the option filters, so checking "Red" still
          // offers "Blue" (values of one option are alternatives).
          disjunctive_facets: true,
          facets: [{ field: "option_values", limit: OPTION_FACET_LIMIT }],
        },
      },
      // In another language, the whole catalog's option words in the same call, to label the filters.
      ...(wordsField
        ? [
            {
              entity: PRODUCT_INDEX,
              fields: ["id"],
              pagination: { take: 1 },
              search_options: { facets: [{ field: wordsField, limit: OPTION_WORDS_LIMIT }] },
            },
          ]
        : []),
    ],
  }
}

/**
 * The dictionary facet's values are JSON triples `["Size:500 g","Ukubwa","g 500"]`;
 * where products word one key differently, the most used word (the facet's first) wins.
 */
export function optionWordsFrom(facet: SearchFacetResult | undefined): OptionWords {
  const words: OptionWords = { titles: {}, values: {} }
  for (const { value } of facet?.type === "value" ? facet.values : []) {
    let triple: unknown
    try {
      triple = JSON.parse(value)
    } catch {
      continue
    }
    if (!Array.isArray(triple) || triple.length !== 3 || !triple.every((t) => typeof t === "string" && t.trim())) {
      continue
    }
    const [key, title, word] = triple as string[]
    const at = key.indexOf(":")
    if (at <= 0) {
      continue
    }
    words.titles[key.slice(0, at)] ??= title
    words.values[key] ??= word
  }
  return words
}

/**
 * The option facet as the filter form needs it: "Color:Red" split on its first
 * ":" into option and value, options with a single value left out (nothing to
 * choose between), except that a value the shopper checked always stays, so the
 * form keeps it when it is submitted again.
 */
export function optionFacets(facet: SearchFacetResult | undefined, selected: CatalogParams["options"]): OptionFacet[] {
  const byTitle = new Map<string, Set<string>>()
  const add = (title: string, value: string) => {
    const set = byTitle.get(title) ?? new Set<string>()
    set.add(value)
    byTitle.set(title, set)
  }
  for (const { value } of facet?.type === "value" ? facet.values : []) {
    const at = value.indexOf(":")
    const title = value.slice(0, at).trim()
    const option = value.slice(at + 1).trim()
    if (at > 0 && title && option) {
      add(title, option)
    }
  }
  const kept = new Set<string>()
  for (const [title, values] of Object.entries(selected)) {
    for (const value of values) {
      add(title, value)
      kept.add(title)
    }
  }
  return [...byTitle.entries()]
    .filter(([title, values]) => values.size > 1 || kept.has(title))
    .map(([title, values]) => ({ title, values: [...values].sort(naturalCompare) }))
    .sort((a, b) => a.title.localeCompare(b.title))
}

function naturalCompare(a: string, b: string): number {
  return a.localeCompare(b, "en", { numeric: true })
}

export function readCatalogSearch(response: SearchResponse, params: CatalogParams, locale: Locale = "en"): CatalogSearch {
  const wordsField = OPTION_WORDS_FIELD[locale]
  const result = response.results[0]
  const hits = result?.hits ?? []
  // `count` is null only when no count was asked for; then the page knows at least this many.
  const count = result?.metadata.count ?? (params.page - 1) * PAGE_SIZE + hits.length
  return {
    ids: hits.map((h) => h.id),
    count,
    facets: {
      options: optionFacets(result?.facets?.option_values, params.options),
      words: wordsField ? optionWordsFrom(response.results[1]?.facets?.[wordsField]) : NO_WORDS,
    },
  }
}

/**
 * A category or collection handle the shop doesn't have matches nothing, rather
 * than being dropped from the alternatives (where "pantry or typo" would quietly
 * show the pantry), as the store API's id filters did before.
 */
export function hasUnknownHandle(params: CatalogParams, categoryHandles: string[], collectionHandles: string[]): boolean {
  return (
    params.categories.some((h) => !categoryHandles.includes(h)) ||
    params.collections.some((h) => !collectionHandles.includes(h))
  )
}

/** No products, for filters that cannot match. */
export function emptyCatalogSearch(params: CatalogParams): CatalogSearch {
  return { ids: [], count: 0, facets: { options: optionFacets(undefined, params.options), words: NO_WORDS } }
}

export function pageCount(count: number, pageSize: number = PAGE_SIZE): number {
  return Math.max(1, Math.ceil(count / pageSize))
}
