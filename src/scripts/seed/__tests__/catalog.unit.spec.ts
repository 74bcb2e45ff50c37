import catalog from "../demo-catalog.json"
import { loadCatalog, SEED_CATEGORIES, SEED_COLLECTIONS, SEED_PRODUCTS } from "../catalog"
import { productImageSvg } from "../product-image"

const valid = () => JSON.parse(JSON.stringify(catalog)) as typeof catalog & { products: Record<string, unknown>[] }

describe("the demo catalog (demo-catalog.json)", () => {
  it("gives each variant a title and SKU from its option values", () => {
    const coffee = SEED_PRODUCTS.find((p) => p.handle === "kenya-aa-coffee")!
    expect(coffee.variants.map((v) => [v.title, v.sku, v.kes])).toEqual([
      ["Whole bean", "COFFEE-AA-WHOLEBEAN", 1450],
      ["Ground", "COFFEE-AA-GROUND", 1450],
    ])
  })

  it("has unique handles and SKUs", () => {
    const skus = SEED_PRODUCTS.flatMap((p) => p.variants.map((v) => v.sku))
    expect(new Set(skus).size).toBe(skus.length)
    expect(new Set(SEED_PRODUCTS.map((p) => p.handle)).size).toBe(SEED_PRODUCTS.length)
  })

  it.each([
    ["a price with cents", (c: ReturnType<typeof valid>) => ((c.products[0].variants as any)[0].kes = 1450.5), /products\.0\.variants\.0\.kes/],
    ["a negative stock", (c: ReturnType<typeof valid>) => ((c.products[0].variants as any)[0].stock = -1), /products\.0\.variants\.0\.stock/],
    ["a handle with spaces", (c: ReturnType<typeof valid>) => (c.products[0].handle = "Kenya coffee"), /products\.0\.handle: must be lower-case/],
    ["an unknown category", (c: ReturnType<typeof valid>) => (c.products[0].category = "toys"), /"kenya-aa-coffee": category "toys" is not in categories/],
    ["an unknown collection", (c: ReturnType<typeof valid>) => (c.products[0].collection = "sale"), /collection "sale" is not in collections/],
    [
      "a variant option the product does not offer",
      (c: ReturnType<typeof valid>) => ((c.products[0].variants as any)[0].options = { Grind: "Fine" }),
      /variant option Grind = "Fine" is not one of the product's options/,
    ],
    ["a free product", (c: ReturnType<typeof valid>) => ((c.products[0].variants as any)[0].usd = 0), /products\.0\.variants\.0\.usd/],
    ["a variant without a value for an option", (c: ReturnType<typeof valid>) => ((c.products[0].variants as any)[0].options = {}), /a variant has no value for option Grind/],
    ["no products", (c: ReturnType<typeof valid>) => (c.products = []), /products/],
  ])("refuses %s, naming the product and field", (_what, spoil, message) => {
    const data = valid()
    spoil(data)
    expect(() => loadCatalog(data)).toThrow(message)
  })
})

describe("demo catalog", () => {
  it("has at least 12 products with unique handles and SKUs", () => {
    expect(SEED_PRODUCTS.length).toBeGreaterThanOrEqual(12)
    const handles = SEED_PRODUCTS.map((p) => p.handle)
    expect(new Set(handles).size).toBe(handles.length)
    const skus = SEED_PRODUCTS.flatMap((p) => p.variants.map((v) => v.sku))
    expect(new Set(skus).size).toBe(skus.length)
  })

  it.each(SEED_PRODUCTS.map((p) => [p.handle, p] as const))("%s is consistent", (_handle, product) => {
    expect(SEED_CATEGORIES.map((c) => c.handle)).toContain(product.category)
    if (product.collection) {
      expect(SEED_COLLECTIONS.map((c) => c.handle)).toContain(product.collection)
    }
    for (const variant of product.variants) {
      // Whole shillings and cents-free dollars: M-Pesa takes whole KES only.
      expect(Number.isInteger(variant.kes) && variant.kes > 0).toBe(true)
      expect(Number.isInteger(variant.usd) && variant.usd > 0).toBe(true)
      for (const option of product.options) {
        expect(option.values).toContain(variant.options[option.title])
      }
    }
  })
})

describe("productImageSvg", () => {
  it("escapes the title so a product name cannot break the markup", () => {
    const svg = productImageSvg(`Tom & "Jerry" <b>`, 10)
    expect(svg).toContain("Tom &#38; &#34;Jerry&#34; &#60;b&#62;")
    expect(svg).not.toContain("<b>")
  })
})
