import type { RemoteQueryFunction } from "@medusajs/framework/types"

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
 * item.
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
      const { data: rows } = await query.graph({ entity, fields: ["inventory_item_id"], filters: { id: ids }, withDeleted: true })
      const itemIds = unique((rows as { inventory_item_id?: string }[]).map((r) => r.inventory_item_id))
      if (!itemIds.length) {
        return []
      }
      const { data: items } = await query.graph({ entity: "inventory_item", fields: ["variants.product_id"], filters: { id: itemIds } })
      return unique((items as { variants?: { product_id?: string }[] }[]).flatMap((i) => (i.variants ?? []).map((v) => v.product_id)))
    }
    default:
      return []
  }
}

function unique(values: (string | undefined)[]): string[] {
  return [...new Set(values.filter((v): v is string => Boolean(v)))]
}
