/**
 * Sorting by price and filtering by price or option over the WHOLE catalog.
 *
 * The store API (2.21.2) cannot order by a variant's calculated price, and has no
 * price-range filter, so the server fetches the filtered catalog's id + prices +
 * options in pages (`fields` kept minimal, cached for a minute), filters and sorts
 * it here, and then loads full cards only for the page being shown. This is
 * correct for any catalog size, unlike sorting the first page client-side; its
 * cost grows with the number of matching products, which is why Soko asks for a
 * backend route that sorts by price in SQL (see the storefront README).
 */
import type { CatalogParams, SortKey } from "./params"

export type ScanVariant = {
  price: number | null
  options: { title: string; value: string }[]
}

export type ScanRow = {
  id: string
  title: string
  created_at: string
  variants: ScanVariant[]
}

/** A product's "from" price: its cheapest variant in the region (null when unpriced). */
export function fromPrice(row: Pick<ScanRow, "variants">): number | null {
  let min: number | null = null
  for (const v of row.variants) {
    if (typeof v.price === "number" && (min === null || v.price < min)) {
      min = v.price
    }
  }
  return min
}

/** Some variant matches every option group (values within a group are alternatives). */
export function matchesOptions(row: ScanRow, options: Record<string, string[]>): boolean {
  const groups = Object.entries(options).filter(([, values]) => values.length)
  if (!groups.length) {
    return true
  }
  return row.variants.some((variant) =>
    groups.every(([title, values]) =>
      variant.options.some(
        (o) => o.title.toLowerCase() === title.toLowerCase() && values.some((v) => v.toLowerCase() === o.value.toLowerCase())
      )
    )
  )
}

export function matchesPrice(row: ScanRow, min?: number, max?: number): boolean {
  if (min === undefined && max === undefined) {
    return true
  }
  const price = fromPrice(row)
  if (price === null) {
    return false
  }
  return (min === undefined || price >= min) && (max === undefined || price <= max)
}

/** Stable sort; unpriced products go last; ties keep the API's order. */
export function sortRows(rows: ScanRow[], sort: SortKey): ScanRow[] {
  const indexed = rows.map((row, index) => ({ row, index, price: fromPrice(row) }))
  const compare = (a: (typeof indexed)[number], b: (typeof indexed)[number]): number => {
    switch (sort) {
      case "price_asc":
      case "price_desc": {
        if (a.price === null || b.price === null) {
          return a.price === b.price ? 0 : a.price === null ? 1 : -1
        }
        return sort === "price_asc" ? a.price - b.price : b.price - a.price
      }
      case "newest":
        return b.row.created_at.localeCompare(a.row.created_at)
      case "title":
        return a.row.title.localeCompare(b.row.title)
      default:
        return 0
    }
  }
  return indexed.sort((a, b) => compare(a, b) || a.index - b.index).map((x) => x.row)
}

export function applyScan(rows: ScanRow[], params: CatalogParams): ScanRow[] {
  const kept = rows.filter((r) => matchesOptions(r, params.options) && matchesPrice(r, params.minPrice, params.maxPrice))
  return sortRows(kept, params.sort)
}

export function pageOf<T>(items: T[], page: number, pageSize: number): T[] {
  return items.slice((page - 1) * pageSize, page * pageSize)
}

export function pageCount(count: number, pageSize: number): number {
  return Math.max(1, Math.ceil(count / pageSize))
}
