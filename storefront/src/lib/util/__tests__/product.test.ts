import type { HttpTypes } from "@medusajs/types"
import { describe, expect, it } from "vitest"
import { findVariant, maxQuantity, productInStock, productPrice, stockState, variantInStock } from "../product"

const variant = (over: Partial<HttpTypes.StoreProductVariant> & { price?: number; original?: number }): HttpTypes.StoreProductVariant =>
  ({
    id: over.id ?? "v",
    manage_inventory: true,
    allow_backorder: false,
    inventory_quantity: 10,
    options: [],
    calculated_price:
      over.price === undefined
        ? undefined
        : { calculated_amount: over.price, original_amount: over.original ?? over.price, currency_code: "kes" },
    ...over,
  }) as HttpTypes.StoreProductVariant

describe("stock", () => {
  it.each([
    [{ inventory_quantity: 0 }, { kind: "out" }],
    [{ inventory_quantity: 3 }, { kind: "low", left: 3 }],
    [{ inventory_quantity: 40 }, { kind: "in" }],
    [{ inventory_quantity: 0, allow_backorder: true }, { kind: "in" }],
    [{ inventory_quantity: 0, manage_inventory: false }, { kind: "in" }],
  ])("%j → %j", (over, expected) => {
    expect(stockState(variant(over))).toEqual(expected)
  })

  it("caps the quantity picker by stock", () => {
    expect(maxQuantity(variant({ inventory_quantity: 3 }))).toBe(3)
    expect(maxQuantity(variant({ inventory_quantity: 300 }))).toBe(10)
    expect(maxQuantity(variant({ inventory_quantity: 0, manage_inventory: false }))).toBe(10)
    expect(maxQuantity(undefined)).toBe(0)
    expect(variantInStock(null)).toBe(false)
  })

  it("knows a product with one sold-out variant is still in stock", () => {
    const product = { variants: [variant({ inventory_quantity: 0 }), variant({ inventory_quantity: 4 })] } as HttpTypes.StoreProduct
    expect(productInStock(product)).toBe(true)
    expect(productInStock({ variants: [variant({ inventory_quantity: 0 })] } as HttpTypes.StoreProduct)).toBe(false)
  })
})

describe("productPrice", () => {
  it("is the cheapest variant, flagged when variants differ", () => {
    const p = { variants: [variant({ price: 520 }), variant({ price: 290 })] } as HttpTypes.StoreProduct
    expect(productPrice(p)).toMatchObject({ amount: 290, currency: "kes", varies: true, onSale: false })
    const same = { variants: [variant({ price: 1450 }), variant({ price: 1450 })] } as HttpTypes.StoreProduct
    expect(productPrice(same)).toMatchObject({ amount: 1450, varies: false })
    expect(productPrice({ variants: [variant({})] } as HttpTypes.StoreProduct)).toBeNull()
  })

  it("marks sale prices", () => {
    expect(productPrice({ variants: [variant({ price: 900, original: 1200 })] } as HttpTypes.StoreProduct)).toMatchObject({
      onSale: true,
      original: 1200,
    })
  })
})

describe("findVariant", () => {
  it("matches every option value", () => {
    const product = {
      variants: [
        variant({ id: "black", options: [{ option_id: "color", value: "Black" }] as HttpTypes.StoreProductVariant["options"] }),
        variant({ id: "white", options: [{ option_id: "color", value: "White" }] as HttpTypes.StoreProductVariant["options"] }),
      ],
    } as HttpTypes.StoreProduct
    expect(findVariant(product, { color: "White" })?.id).toBe("white")
    expect(findVariant(product, { color: "Pink" })).toBeUndefined()
  })
})
