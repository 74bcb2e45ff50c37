import { productInStock, type VariantStock } from "./stock"

/**
 * What the catalog's search index holds for one product: a pure projection of
 * the `query.graph` row (src/search/product.ts reads it) plus the cheapest
 * variant price per currency, so the storefront can filter, facet and sort the
 * whole catalog in the search engine instead of in Next.js.
 */

/** The currencies whose prices are indexed, one sortable field each (`price_kes`, `price_usd`). */
export const INDEXED_CURRENCIES = ["kes", "usd"] as const
export type IndexedCurrency = (typeof INDEXED_CURRENCIES)[number]

export type ProductRow = {
  id: string
  title?: string | null
  subtitle?: string | null
  description?: string | null
  handle?: string | null
  thumbnail?: string | null
  status?: string | null
  created_at?: string | Date | null
  collection?: { handle?: string | null } | null
  categories?: ({ handle?: string | null } | null)[] | null
  sales_channels?: ({ id?: string | null } | null)[] | null
  variants?: ((VariantStock & { options?: (OptionValueRow | null)[] | null }) | null)[] | null
}

/** A variant's option value as the graph reads it (ids for the translations of both). */
export type OptionValueRow = { id?: string | null; value?: string | null; option?: { id?: string | null; title?: string | null } | null }

/** Per product id, the cheapest variant's calculated price in each indexed currency (absent: unpriced there). */
export type FromPrices = Map<string, Partial<Record<IndexedCurrency, number>>>

/** Per product id, its texts in the search language (Swahili), where the merchant translated them. */
export type TranslatedTexts = Map<string, { title?: string; subtitle?: string; description?: string; option_words?: string[] }>

export type ProductDocument = {
  id: string
  title: string
  subtitle?: string
  description?: string
  handle: string
  thumbnail?: string
  status: string
  created_at?: string
  collection_handle?: string
  category_handles: string[]
  sales_channel_ids: string[]
  /** "Option title:Value", the storefront's `opt=` shape, one per value some variant offers (the facet). */
  option_values: string[]
  /**
   * What one variant offers together: every combination of its option values,
   * titles in alphabetical order, joined by "|" ("Color:Red|Size:M", and
   * "Color:Red", "Size:M" alone), so "Red and M" matches a product only when
   * one variant is both.
   */
  option_sets: string[]
  /** Some variant can be bought now (./stock.ts). */
  in_stock: boolean
  price_kes?: number
  price_usd?: number
  /**
   * The Swahili words for this product's option values, each a JSON triple
   * `["Size:500 g","Ukubwa","g 500"]` (the `option_values` key, the option's
   * title, the value): a facet the storefront reads as a dictionary to label
   * the option filters, whose keys (and links) stay in English.
   */
  option_words_sw?: string[]
  /** Swahili texts (Translation Module), searchable beside the English ones. */
  title_sw?: string
  subtitle_sw?: string
  description_sw?: string
}

const present = <T>(value: T | null | undefined): value is T => value !== null && value !== undefined && value !== ""

function distinct(values: (string | null | undefined)[]): string[] {
  return [...new Set(values.filter(present))]
}

/** Every non-empty combination of a variant's option values, as "Title:Value" joined by "|" in title order. */
export function optionSets(options: ({ value?: string | null; option?: { title?: string | null } | null } | null)[]): string[] {
  const pairs = options
    .map((o) => (o?.value && o.option?.title ? `${o.option.title.trim()}:${o.value.trim()}` : null))
    .filter(present)
    .sort((a, b) => a.localeCompare(b))
  const sets: string[] = []
  // A product has few options (Medusa products carry one to three), so the 2^n combinations stay small.
  for (let mask = 1; mask < 1 << pairs.length; mask++) {
    sets.push(pairs.filter((_, i) => mask & (1 << i)).join("|"))
  }
  return sets
}

export function toProductDocument(row: ProductRow, prices: FromPrices, translated: TranslatedTexts = new Map()): ProductDocument {
  const from = prices.get(row.id) ?? {}
  const sets = distinct((row.variants ?? []).flatMap((variant) => optionSets(variant?.options ?? [])))
  const document: ProductDocument = {
    id: row.id,
    title: row.title ?? "",
    handle: row.handle ?? "",
    status: row.status ?? "draft",
    category_handles: distinct((row.categories ?? []).map((c) => c?.handle)),
    sales_channel_ids: distinct((row.sales_channels ?? []).map((s) => s?.id)),
    // The single values are the sets of one: what a variant can actually be bought with.
    option_values: sets.filter((set) => !set.includes("|")),
    option_sets: sets,
    in_stock: productInStock(row.variants),
  }
  const sw = translated.get(row.id) ?? {}
  const optional: Partial<ProductDocument> = {
    subtitle: row.subtitle ?? undefined,
    description: row.description ?? undefined,
    thumbnail: row.thumbnail ?? undefined,
    collection_handle: row.collection?.handle ?? undefined,
    created_at: present(row.created_at) ? new Date(row.created_at).toISOString() : undefined,
    title_sw: sw.title,
    subtitle_sw: sw.subtitle,
    description_sw: sw.description,
    option_words_sw: sw.option_words?.length ? sw.option_words : undefined,
  }
  for (const [key, value] of Object.entries(optional)) {
    if (present(value)) {
      Object.assign(document, { [key]: value })
    }
  }
  for (const currency of INDEXED_CURRENCIES) {
    const amount = from[currency]
    if (typeof amount === "number" && Number.isFinite(amount)) {
      document[`price_${currency}`] = amount
    }
  }
  return document
}

/**
 * The words of a product's option values in another language, as
 * ProductDocument.option_words_sw triples; a value neither of whose words is
 * translated is left out (its English stands).
 */
export function optionWords(row: ProductRow, optionTitles: Map<string, string>, values: Map<string, string>): string[] {
  const words = new Set<string>()
  for (const variant of row.variants ?? []) {
    for (const o of variant?.options ?? []) {
      const title = o?.option?.title?.trim()
      const value = o?.value?.trim()
      if (!title || !value) {
        continue
      }
      const titleWord = (o?.option?.id && optionTitles.get(o.option.id)) || undefined
      const valueWord = (o?.id && values.get(o.id)) || undefined
      if (titleWord || valueWord) {
        words.add(JSON.stringify([`${title}:${value}`, titleWord?.trim() || title, valueWord?.trim() || value]))
      }
    }
  }
  return [...words]
}

export type VariantPrices = ({ calculated_price?: { calculated_amount?: unknown } | null } | null)[] | null | undefined

/**
 * The cheapest calculated price among a product's variants. Amounts come from
 * Medusa as numbers or BigNumber-like values; they are only compared and
 * stored for ordering and range filters, never used to charge anyone.
 */
export function cheapestVariantPrice(variants: VariantPrices): number | undefined {
  let cheapest: number | undefined
  for (const variant of variants ?? []) {
    const raw = variant?.calculated_price?.calculated_amount
    const amount = typeof raw === "number" ? raw : typeof raw === "string" ? Number(raw) : Number((raw as { numeric?: unknown })?.numeric)
    if (raw !== null && raw !== undefined && Number.isFinite(amount) && (cheapest === undefined || amount < cheapest)) {
      cheapest = amount
    }
  }
  return cheapest
}
