import type { HttpTypes } from "@medusajs/types"

type Variant = HttpTypes.StoreProductVariant
type Product = HttpTypes.StoreProduct

export type PriceInfo = {
  amount: number
  original: number
  currency: string
  onSale: boolean
}

export function variantPrice(variant: Variant | undefined | null): PriceInfo | null {
  const cp = variant?.calculated_price
  if (!cp || typeof cp.calculated_amount !== "number") {
    return null
  }
  const original = typeof cp.original_amount === "number" ? cp.original_amount : cp.calculated_amount
  return {
    amount: cp.calculated_amount,
    original,
    currency: cp.currency_code ?? "kes",
    onSale: original > cp.calculated_amount,
  }
}

/** The cheapest variant's price, and whether variants differ in price ("From KES …"). */
export function productPrice(product: Product): (PriceInfo & { varies: boolean }) | null {
  const prices = (product.variants ?? []).map(variantPrice).filter((p): p is PriceInfo => p !== null)
  if (!prices.length) {
    return null
  }
  const cheapest = prices.reduce((a, b) => (b.amount < a.amount ? b : a))
  return { ...cheapest, varies: prices.some((p) => p.amount !== cheapest.amount) }
}

export function variantInStock(variant: Pick<Variant, "manage_inventory" | "allow_backorder" | "inventory_quantity"> | undefined | null): boolean {
  if (!variant) {
    return false
  }
  if (variant.manage_inventory === false || variant.allow_backorder) {
    return true
  }
  return (variant.inventory_quantity ?? 0) > 0
}

export function productInStock(product: Product): boolean {
  return (product.variants ?? []).some(variantInStock)
}

/** In stock, low (`left` to go) or sold out; the page words it in the shopper's language. */
export type StockState = { kind: "in" | "low" | "out"; left?: number }

export function stockState(variant: Pick<Variant, "manage_inventory" | "allow_backorder" | "inventory_quantity"> | undefined | null): StockState {
  if (!variantInStock(variant)) {
    return { kind: "out" }
  }
  const qty = variant?.inventory_quantity
  if (variant?.manage_inventory !== false && !variant?.allow_backorder && typeof qty === "number" && qty <= 5) {
    return { kind: "low", left: qty }
  }
  return { kind: "in" }
}

/** How many a shopper may put in the cart (stock-capped, at most 10 per line in the picker). */
export function maxQuantity(variant: Pick<Variant, "manage_inventory" | "allow_backorder" | "inventory_quantity"> | undefined | null): number {
  if (!variant) {
    return 0
  }
  if (variant.manage_inventory === false || variant.allow_backorder) {
    return 10
  }
  return Math.max(0, Math.min(10, variant.inventory_quantity ?? 0))
}

/** The variant whose option values are exactly `selected` (option id → value). */
export function findVariant(product: Product, selected: Record<string, string>): Variant | undefined {
  return (product.variants ?? []).find((v) =>
    (v.options ?? []).every((o) => o.option_id && selected[o.option_id] === o.value)
  )
}

/** Option id → value for one variant. */
export function variantOptions(variant: Variant | undefined | null): Record<string, string> {
  const map: Record<string, string> = {}
  for (const o of variant?.options ?? []) {
    if (o.option_id) {
      map[o.option_id] = o.value
    }
  }
  return map
}
