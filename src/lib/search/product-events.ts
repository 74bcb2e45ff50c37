import type { RemoteQueryFunction } from "@medusajs/framework/types"
import { LINKED_STOCK_FIELDS, reservationChangesStock, unitsOf, type VariantStock } from "./stock"

type IndexEvent = { name: string; data?: unknown }

const idsOf = (data: unknown): string[] =>
  (Array.isArray(data) ? data : [data])
    .map((d) => (d && typeof d === "object" ? (d as { id?: unknown }).id : undefined))
    .flatMap((id) => (Array.isArray(id) ? id : [id]))
    .filter((id): id is string => typeof id === "string")

/** Only a deleted product leaves the index; a deleted variant or category changes the products that had it. */
export function removesProduct(event: IndexEvent): boolean {
  return event.name === "product.deleted"
}

/**
 * The products an event changes. Product events name them; a variant event
 * names a variant (read back with deleted rows, since a deleted variant still
 * changes its product's prices and options); a category or collection event
 * changes the handles of the products in it; a translation event changes
 * the product it translates, or whose option or option value it translates
 * (read back with deleted rows too); a stock level
 * or reservation event changes the products whose variants use its inventory
 * item; a new reservation only those whose in-stock state it changed (it took
 * their last available units).
 */
export async function productIdsForEvent(event: IndexEvent, query: RemoteQueryFunction): Promise<string[]> {
  const ids = idsOf(event.data)
  if (!ids.length) {
    return []
  }
  const [entity] = event.name.split(".")
  switch (entity) {
    case "product":
      return ids
    case "product-variant": {
      const { data } = await query.graph({ entity: "product_variant", fields: ["product_id"], filters: { id: ids }, withDeleted: true })
      return unique((data as { product_id?: string }[]).map((v) => v.product_id))
    }
    case "product-category": {
      const { data } = await query.graph({ entity: "product_category", fields: ["products.id"], filters: { id: ids } })
      return unique((data as { products?: { id: string }[] }[]).flatMap((c) => (c.products ?? []).map((p) => p.id)))
    }
    case "product-collection": {
      const { data } = await query.graph({ entity: "product_collection", fields: ["products.id"], filters: { id: ids } })
      return unique((data as { products?: { id: string }[] }[]).flatMap((c) => (c.products ?? []).map((p) => p.id)))
    }
    case "translation": {
      const { data } = await query.graph({ entity: "translation", fields: ["reference", "reference_id"], filters: { id: ids }, withDeleted: true })
      const rows = data as { reference?: string; reference_id?: string }[]
      const of = (reference: string) => unique(rows.filter((t) => t.reference === reference).map((t) => t.reference_id))
      const values = of("product_option_value")
      const valueOptions = values.length
        ? ((await query.graph({ entity: "product_option_value", fields: ["option_id"], filters: { id: values } })).data as { option_id?: string }[]).map((v) => v.option_id)
        : []
      const options = unique([...of("product_option"), ...valueOptions])
      // Medusa 2.21's options may be shared by several products (product_option ↔ product is many-to-many).
      const fromOptions = options.length
        ? ((await query.graph({ entity: "product_option", fields: ["products.id"], filters: { id: options } })).data as { products?: { id: string }[] }[]).flatMap(
            (o) => (o?.products ?? []).map((p) => p.id)
          )
        : []
      return unique([...of("product"), ...fromOptions])
    }
    case "inventory-level":
    case "reservation-item": {
      const entity = event.name.startsWith("inventory-level") ? "inventory_level" : "reservation"
      const created = event.name === "reservation-item.created"
      const { data: rows } = await query.graph({
        entity,
        fields: created ? ["inventory_item_id", "quantity"] : ["inventory_item_id"],
        filters: { id: ids },
        withDeleted: true,
      })
      const stock = rows as { inventory_item_id?: string; quantity?: unknown }[]
      const itemIds = unique(stock.map((r) => r.inventory_item_id))
      if (!itemIds.length) {
        return []
      }
      const { data: items } = await query.graph({ entity: "inventory_item", fields: ["variants.product_id"], filters: { id: itemIds } })
      const productIds = unique((items as { variants?: { product_id?: string }[] }[]).flatMap((i) => (i.variants ?? []).map((v) => v.product_id)))
      // Every order reserves; only one that takes a product's last units changes what the index holds.
      return created && productIds.length ? productsWhoseStockChanged(query, productIds, reservedUnits(stock)) : productIds
    }
    default:
      return []
  }
}

/** Units reserved per inventory item. */
function reservedUnits(rows: { inventory_item_id?: string; quantity?: unknown }[]): Map<string, number> {
  const reserved = new Map<string, number>()
  for (const row of rows) {
    if (row.inventory_item_id) {
      reserved.set(row.inventory_item_id, (reserved.get(row.inventory_item_id) ?? 0) + unitsOf(row.quantity))
    }
  }
  return reserved
}

async function productsWhoseStockChanged(query: RemoteQueryFunction, productIds: string[], reserved: Map<string, number>): Promise<string[]> {
  const { data } = await query.graph({ entity: "product", fields: ["id", ...LINKED_STOCK_FIELDS], filters: { id: productIds } })
  return (data as { id: string; variants?: VariantStock[] }[]).filter((p) => reservationChangesStock(p.variants, reserved)).map((p) => p.id)
}

function unique(values: (string | undefined)[]): string[] {
  return [...new Set(values.filter((v): v is string => Boolean(v)))]
}
