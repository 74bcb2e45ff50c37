import { productIdsForEvent, removesProduct } from "../product-events"

/** A stand-in for `query.graph` that answers from a table and records what was asked. */
function fakeQuery(rows: Record<string, unknown[]>) {
  const asked: { entity: string; filters: unknown; withDeleted?: boolean }[] = []
  const query = {
    graph: async ({ entity, filters, withDeleted }: any) => {
      asked.push({ entity, filters, withDeleted })
      return { data: rows[entity] ?? [] }
    },
  }
  return { query: query as any, asked }
}

/** A managed variant with one inventory item at one location. */
const stocked = (itemId: string, stockedQuantity: number, reservedQuantity: number) => ({
  manage_inventory: true,
  allow_backorder: false,
  inventory_items: [{ inventory_item_id: itemId, required_quantity: 1, inventory: { location_levels: [{ stocked_quantity: stockedQuantity, reserved_quantity: reservedQuantity }] } }],
})

describe("removesProduct", () => {
  it.each([
    ["product.deleted", true],
    ["product.updated", false],
    ["product-variant.deleted", false],
    ["product-category.deleted", false],
    ["translation.deleted", false],
  ])("%s → %s", (name, expected) => {
    expect(removesProduct({ name })).toBe(expected)
  })
})

describe("productIdsForEvent", () => {
  it.each<[string, { name: string; data: unknown }, Record<string, unknown[]>, string[]]>([
    ["a product event names its products", { name: "product.updated", data: { id: "prod_1" } }, {}, ["prod_1"]],
    ["batched product events", { name: "product.created", data: [{ id: "prod_1" }, { id: "prod_2" }] }, {}, ["prod_1", "prod_2"]],
    ["an id list in one event", { name: "product.deleted", data: { id: ["prod_1", "prod_2"] } }, {}, ["prod_1", "prod_2"]],
    ["a variant event → its product, once", { name: "product-variant.updated", data: [{ id: "v1" }, { id: "v2" }] }, { product_variant: [{ product_id: "prod_1" }, { product_id: "prod_1" }] }, ["prod_1"]],
    ["a category event → the products in it", { name: "product-category.updated", data: { id: "pcat_1" } }, { product_category: [{ products: [{ id: "prod_1" }, { id: "prod_3" }] }] }, ["prod_1", "prod_3"]],
    ["a collection event → the products in it", { name: "product-collection.updated", data: { id: "pcol_1" } }, { product_collection: [{ products: [{ id: "prod_2" }] }] }, ["prod_2"]],
    ["a product's translation → that product", { name: "translation.updated", data: { id: "trans_1" } }, { translation: [{ reference: "product", reference_id: "prod_4" }] }, ["prod_4"]],
    [
      "an option's and an option value's translations → their products",
      { name: "translation.updated", data: [{ id: "trans_3" }, { id: "trans_4" }] },
      {
        translation: [{ reference: "product_option", reference_id: "opt_1" }, { reference: "product_option_value", reference_id: "optval_1" }],
        product_option_value: [{ option_id: "opt_2" }],
        product_option: [{ products: [{ id: "prod_7" }] }, { products: [{ id: "prod_8" }, { id: "prod_7" }] }],
      },
      ["prod_7", "prod_8"],
    ],
    ["a category's translation → nothing to reindex", { name: "translation.created", data: { id: "trans_2" } }, { translation: [{ reference: "product_category", reference_id: "pcat_1" }] }, []],
    [
      "a stock level → the products whose variants use its inventory item",
      { name: "inventory-level.updated", data: { id: "ilev_1" } },
      { inventory_level: [{ inventory_item_id: "iitem_1" }], inventory_item: [{ variants: [{ product_id: "prod_5" }, { product_id: "prod_6" }] }] },
      ["prod_5", "prod_6"],
    ],
    [
      "an order's reservations that took the last units → their products, once",
      { name: "reservation-item.created", data: [{ id: "resitem_1" }, { id: "resitem_2" }] },
      {
        reservation: [{ inventory_item_id: "iitem_1", quantity: 1 }, { inventory_item_id: "iitem_2", quantity: 1 }],
        inventory_item: [{ variants: [{ product_id: "prod_5" }] }, { variants: [{ product_id: "prod_5" }] }],
        product: [{ id: "prod_5", variants: [stocked("iitem_1", 2, 2)] }],
      },
      ["prod_5"],
    ],
    [
      "an order's reservation that leaves units → nothing to reindex",
      { name: "reservation-item.created", data: { id: "resitem_1" } },
      {
        reservation: [{ inventory_item_id: "iitem_1", quantity: 1 }],
        inventory_item: [{ variants: [{ product_id: "prod_5" }, { product_id: "prod_6" }] }],
        product: [
          { id: "prod_5", variants: [stocked("iitem_1", 10, 4)] },
          { id: "prod_6", variants: [stocked("iitem_1", 10, 4)] },
        ],
      },
      [],
    ],
    [
      "a reservation released → its products (the units may be back)",
      { name: "reservation-item.deleted", data: { id: "resitem_1" } },
      { reservation: [{ inventory_item_id: "iitem_1" }], inventory_item: [{ variants: [{ product_id: "prod_5" }] }] },
      ["prod_5"],
    ],
    ["a reservation whose item is gone → nothing", { name: "reservation-item.deleted", data: { id: "resitem_3" } }, { reservation: [{}] }, []],
    ["no ids → nothing", { name: "product.updated", data: {} }, {}, []],
    ["another entity → nothing", { name: "order.placed", data: { id: "order_1" } }, {}, []],
  ])("%s", async (_name, event, rows, expected) => {
    const { query } = fakeQuery(rows)
    expect(await productIdsForEvent(event, query)).toEqual(expected)
  })

  it("reads a deleted reservation back with deleted rows, then its inventory item's variants", async () => {
    const { query, asked } = fakeQuery({ reservation: [{ inventory_item_id: "iitem_1" }], inventory_item: [] })
    await productIdsForEvent({ name: "reservation-item.deleted", data: { id: "resitem_1" } }, query)
    expect(asked).toEqual([
      { entity: "reservation", filters: { id: ["resitem_1"] }, withDeleted: true },
      { entity: "inventory_item", filters: { id: ["iitem_1"] }, withDeleted: undefined },
    ])
  })

  it("reads a deleted variant back with deleted rows, to find the product it changed", async () => {
    const { query, asked } = fakeQuery({ product_variant: [{ product_id: "prod_1" }] })
    await productIdsForEvent({ name: "product-variant.deleted", data: { id: "v1" } }, query)
    expect(asked).toEqual([{ entity: "product_variant", filters: { id: ["v1"] }, withDeleted: true }])
  })
})
