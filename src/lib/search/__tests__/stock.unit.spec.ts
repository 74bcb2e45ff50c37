import { productInStock, reservationChangesStock, type VariantStock, variantInStock } from "../stock"

const item = (required: unknown, ...levels: [unknown, unknown][]) => ({
  required_quantity: required,
  inventory: { location_levels: levels.map(([stocked_quantity, reserved_quantity]) => ({ stocked_quantity, reserved_quantity })) },
})
const managed = (...items: ReturnType<typeof item>[]): VariantStock => ({ manage_inventory: true, allow_backorder: false, inventory_items: items })

describe("variantInStock", () => {
  it.each<[string, VariantStock, boolean]>([
    ["inventory not managed", { manage_inventory: false, inventory_items: [] }, true],
    ["backorders allowed, nothing stocked", { manage_inventory: true, allow_backorder: true, inventory_items: [item(1, [0, 0])] }, true],
    ["one unit stocked", managed(item(1, [1, 0])), true],
    ["every unit reserved by orders", managed(item(1, [5, 5])), false],
    ["stock spread over two locations adds up", managed(item(3, [1, 0], [2, 0])), true],
    ["a bundle needing 3 with 2 available", managed(item(3, [2, 0])), false],
    ["a kit: one of its items sold out", managed(item(1, [4, 0]), item(1, [0, 0])), false],
    ["quantities as BigNumber-like values and strings", managed(item({ numeric: 1 }, [{ numeric: 3 }, "2"])), true],
    ["managed without any inventory item (Medusa counts it as 0)", managed(), false],
    ["no location levels", managed(item(1)), false],
    ["a missing required quantity counts as 1", managed(item(null, [1, 0])), true],
    ["no variant", null, false],
  ])("%s → %s", (_name, variant, expected) => {
    expect(variantInStock(variant)).toBe(expected)
  })
})

describe("productInStock", () => {
  it.each<[string, VariantStock[] | null, boolean]>([
    ["one variant of several can be bought", [managed(item(1, [0, 0])), managed(item(1, [2, 1]))], true],
    ["all sold out", [managed(item(1, [0, 0])), managed(item(1, [1, 1]))], false],
    ["no variants", [], false],
    ["variants not loaded", null, false],
  ])("%s → %s", (_name, variants, expected) => {
    expect(productInStock(variants)).toBe(expected)
  })
})

describe("reservationChangesStock: does a new reservation change what the index holds?", () => {
  const linked = (id: string, required: unknown, ...levels: [unknown, unknown][]) => ({ inventory_item_id: id, ...item(required, ...levels) })
  const reserved = (entries: [string, number][]) => new Map(entries)
  it.each<[string, VariantStock[], [string, number][], boolean]>([
    ["an order leaves units: still in stock", [managed(linked("i1", 1, [10, 3]))], [["i1", 1]], false],
    ["an order takes the last units", [managed(linked("i1", 1, [5, 5]))], [["i1", 2]], true],
    ["an order takes the last unit of a bundle needing 3", [managed(linked("i1", 3, [5, 3]))], [["i1", 1]], true],
    ["sold out already (a backorder-free oversell): still out", [managed(linked("i1", 1, [2, 4]))], [["i1", 1]], false],
    ["one variant sells out, another is left", [managed(linked("i1", 1, [1, 1])), managed(linked("i2", 1, [4, 0]))], [["i1", 1]], false],
    ["the last variant of two sells out", [managed(linked("i1", 1, [1, 1])), managed(linked("i2", 1, [0, 0]))], [["i1", 1]], true],
    ["spread over two locations: the units come off the sum", [managed(linked("i1", 1, [1, 1], [1, 1]))], [["i1", 2]], true],
    ["inventory not managed", [{ manage_inventory: false, inventory_items: [linked("i1", 1, [0, 1])] }], [["i1", 1]], false],
    ["a reservation of another item", [managed(linked("i1", 1, [1, 1]))], [["i9", 1]], false],
    ["quantities as BigNumber-like values", [managed(linked("i1", 1, [{ numeric: 2 }, { numeric: 2 }]))], [["i1", 1]], true],
  ])("%s → %s", (_name, variants, units, expected) => {
    expect(reservationChangesStock(variants, reserved(units))).toBe(expected)
  })
})
