/**
 * The catalog's state lives in the URL, so every search, filter, sort and page
 * is a link that renders on the server (and works without JavaScript):
 *   /ke/store?q=tea&category=pantry&collection=made-in-kenya&opt=Color:Red
 *            &min=500&max=3000&stock=in&sort=price_asc&page=2
 */
export const SORT_KEYS = ["featured", "newest", "price_asc", "price_desc", "title"] as const
export type SortKey = (typeof SORT_KEYS)[number]

export const PAGE_SIZE = 12

export type CatalogParams = {
  q?: string
  /** Category handles. */
  categories: string[]
  /** Collection handles. */
  collections: string[]
  /** Option title → accepted values ("Color" → ["Red", "Blue"]). */
  options: Record<string, string[]>
  minPrice?: number
  maxPrice?: number
  /** Only products some variant of which can be bought now (`stock=in`). */
  inStock: boolean
  sort: SortKey
  page: number
}

export type RawSearchParams = Record<string, string | string[] | undefined>

function all(value: string | string[] | undefined): string[] {
  const list = Array.isArray(value) ? value : value === undefined ? [] : [value]
  return [...new Set(list.flatMap((v) => v.split(",")).map((v) => v.trim()).filter(Boolean))]
}

function one(value: string | string[] | undefined): string | undefined {
  const v = Array.isArray(value) ? value[0] : value
  return v?.trim() || undefined
}

function amount(value: string | string[] | undefined): number | undefined {
  const v = one(value)
  if (v === undefined) {
    return undefined
  }
  const n = Number(v.replace(/[,\s]/g, ""))
  return Number.isFinite(n) && n >= 0 ? n : undefined
}

export function parseCatalogParams(sp: RawSearchParams): CatalogParams {
  const options: Record<string, string[]> = {}
  const rawOptions = Array.isArray(sp.opt) ? sp.opt : sp.opt === undefined ? [] : [sp.opt]
  for (const pair of rawOptions) {
    const at = pair.indexOf(":")
    if (at <= 0) {
      continue
    }
    const title = pair.slice(0, at).trim()
    const value = pair.slice(at + 1).trim()
    if (title && value) {
      options[title] = [...new Set([...(options[title] ?? []), value])]
    }
  }
  let minPrice = amount(sp.min)
  let maxPrice = amount(sp.max)
  if (minPrice !== undefined && maxPrice !== undefined && minPrice > maxPrice) {
    ;[minPrice, maxPrice] = [maxPrice, minPrice]
  }
  const sort = one(sp.sort)
  const page = Number(one(sp.page) ?? "1")
  const q = one(sp.q)?.slice(0, 100)
  return {
    q,
    categories: all(sp.category),
    collections: all(sp.collection),
    options,
    minPrice,
    maxPrice,
    inStock: one(sp.stock) === "in",
    sort: (SORT_KEYS as readonly string[]).includes(sort ?? "") ? (sort as SortKey) : "featured",
    page: Number.isInteger(page) && page > 0 ? Math.min(page, 10_000) : 1,
  }
}

/** The query string for these params (defaults left out), for links and redirects. */
export function catalogQuery(params: CatalogParams, overrides: Partial<CatalogParams> = {}): string {
  const p = { ...params, ...overrides }
  const search = new URLSearchParams()
  if (p.q) {
    search.set("q", p.q)
  }
  for (const c of p.categories) {
    search.append("category", c)
  }
  for (const c of p.collections) {
    search.append("collection", c)
  }
  for (const [title, values] of Object.entries(p.options)) {
    for (const value of values) {
      search.append("opt", `${title}:${value}`)
    }
  }
  if (p.minPrice !== undefined) {
    search.set("min", String(p.minPrice))
  }
  if (p.maxPrice !== undefined) {
    search.set("max", String(p.maxPrice))
  }
  if (p.inStock) {
    search.set("stock", "in")
  }
  if (p.sort !== "featured") {
    search.set("sort", p.sort)
  }
  if (p.page > 1) {
    search.set("page", String(p.page))
  }
  const s = search.toString()
  return s ? `?${s}` : ""
}

export function hasFilters(p: CatalogParams): boolean {
  return Boolean(
    p.q || p.categories.length || p.collections.length || Object.keys(p.options).length || p.minPrice !== undefined || p.maxPrice !== undefined || p.inStock
  )
}
