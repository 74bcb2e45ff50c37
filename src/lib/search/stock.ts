/**
 * Whether a product can be bought now, for the catalog's "in stock" filter.
 * The same rule as Medusa's variant availability: a variant that does not
 * manage inventory or allows backorders always can; otherwise each inventory
 * item it needs must have its required quantity available (stocked minus
 * reserved). Levels are summed over all stock locations: the index holds one
 * document per product, not one per sales channel, and a Soko shop ships its
 * channels from the same locations.
 */
export type LocationLevel = { stocked_quantity?: unknown; reserved_quantity?: unknown } | null

export type VariantStock = {
  manage_inventory?: boolean | null
  allow_backorder?: boolean | null
  inventory_items?:
    | ({
        /** Read only to match reservations (reservationChangesStock). */
        inventory_item_id?: string | null
        required_quantity?: unknown
        inventory?: { location_levels?: LocationLevel[] | null } | null
      } | null)[]
    | null
} | null

/** Quantities come from Medusa as numbers or BigNumber-like values; they are whole units. */
export function unitsOf(raw: unknown): number {
  const n = typeof raw === "number" ? raw : typeof raw === "string" ? Number(raw) : Number((raw as { numeric?: unknown } | null)?.numeric)
  return Number.isFinite(n) ? n : 0
}

export function variantInStock(variant: VariantStock): boolean {
  if (!variant) {
    return false
  }
  if (variant.manage_inventory === false || variant.allow_backorder) {
    return true
  }
  const items = (variant.inventory_items ?? []).filter((i) => i !== null)
  if (!items.length) {
    return false
  }
  return items.every((item) => {
    const available = (item.inventory?.location_levels ?? []).reduce(
      (sum, level) => sum + unitsOf(level?.stocked_quantity) - unitsOf(level?.reserved_quantity),
      0
    )
    return available >= Math.max(unitsOf(item.required_quantity), 1)
  })
}

export function productInStock(variants: VariantStock[] | null | undefined): boolean {
  return (variants ?? []).some(variantInStock)
}

/** The graph fields variantInStock reads, under a product's `variants`. */
export const STOCK_FIELDS = [
  "variants.manage_inventory",
  "variants.allow_backorder",
  "variants.inventory_items.required_quantity",
  "variants.inventory_items.inventory.location_levels.stocked_quantity",
  "variants.inventory_items.inventory.location_levels.reserved_quantity",
]

/** The variant as it was before `reserved` units (by inventory item) were reserved. */
function withoutReserved(variant: VariantStock, reserved: ReadonlyMap<string, number>): VariantStock {
  if (!variant) {
    return variant
  }
  return {
    ...variant,
    inventory_items: (variant.inventory_items ?? []).map((item) => {
      const units = item?.inventory_item_id ? reserved.get(item.inventory_item_id) : undefined
      if (!item || !units) {
        return item
      }
      // Availability is summed over locations, so taking the units off one level is enough.
      const levels = [...(item.inventory?.location_levels ?? [])]
      const first = levels[0] ?? {}
      levels[0] = { ...first, reserved_quantity: unitsOf(first.reserved_quantity) - units }
      return { ...item, inventory: { ...item.inventory, location_levels: levels } }
    }),
  }
}

/**
 * Whether new reservations changed a product's in-stock state: only one that
 * takes the last available units does. Most orders leave it as it was, and
 * then the index has nothing to learn from them.
 */
export function reservationChangesStock(variants: VariantStock[] | null | undefined, reserved: ReadonlyMap<string, number>): boolean {
  const before = (variants ?? []).map((v) => withoutReserved(v, reserved))
  return productInStock(variants) !== productInStock(before)
}

/** STOCK_FIELDS and the inventory item of each link, for reservationChangesStock. */
export const LINKED_STOCK_FIELDS = [...STOCK_FIELDS, "variants.inventory_items.inventory_item_id"]
