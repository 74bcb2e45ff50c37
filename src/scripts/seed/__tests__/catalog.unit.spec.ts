import { SEED_CATEGORIES, SEED_COLLECTIONS, SEED_PRODUCTS } from "../catalog"
import { productImageSvg } from "../product-image"

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
