import { describe, expect, it } from "vitest"
import { catalogQuery, hasFilters, parseCatalogParams } from "../params"

describe("parseCatalogParams", () => {
  it("defaults to the first page of everything, featured first", () => {
    expect(parseCatalogParams({})).toEqual({
      q: undefined,
      categories: [],
      collections: [],
      options: {},
      minPrice: undefined,
      maxPrice: undefined,
      inStock: false,
      sort: "featured",
      page: 1,
    })
  })

  it("reads repeated and comma-separated filters, de-duplicated", () => {
    const p = parseCatalogParams({ category: ["pantry", "kitchen,pantry"], collection: "made-in-kenya" })
    expect(p.categories).toEqual(["pantry", "kitchen"])
    expect(p.collections).toEqual(["made-in-kenya"])
  })

  it.each([
    [{ opt: "Color:Red" }, { Color: ["Red"] }],
    [{ opt: ["Color:Red", "Color:Blue", "Size:Large"] }, { Color: ["Red", "Blue"], Size: ["Large"] }],
    [{ opt: ["Size:10 cm", "Color:Black & white"] }, { Size: ["10 cm"], Color: ["Black & white"] }],
    [{ opt: ["nocolon", ":Red", "Color:"] }, {}],
  ])("reads option filters %j", (sp, options) => {
    expect(parseCatalogParams(sp).options).toEqual(options)
  })

  it.each([
    [{ min: "500", max: "3,000" }, 500, 3000],
    [{ min: "3000", max: "500" }, 500, 3000],
    [{ min: "-1", max: "abc" }, undefined, undefined],
    [{ min: "" }, undefined, undefined],
  ])("reads a price range %j", (sp, min, max) => {
    const p = parseCatalogParams(sp)
    expect([p.minPrice, p.maxPrice]).toEqual([min, max])
  })

  it.each([
    ["price_asc", "price_asc"],
    ["price_desc", "price_desc"],
    ["newest", "newest"],
    ["bogus", "featured"],
  ])("accepts known sorts only (%s)", (sort, expected) => {
    expect(parseCatalogParams({ sort }).sort).toBe(expected)
  })

  it.each([
    ["2", 2],
    ["0", 1],
    ["-3", 1],
    ["1.5", 1],
    ["x", 1],
    ["999999", 10000],
  ])("clamps the page (%s)", (page, expected) => {
    expect(parseCatalogParams({ page }).page).toBe(expected)
  })

  it.each([
    ["in", true],
    ["out", false],
    ["", false],
  ])("reads the in-stock filter (stock=%j)", (stock, expected) => {
    expect(parseCatalogParams({ stock }).inStock).toBe(expected)
  })

  it("trims and bounds the search text", () => {
    expect(parseCatalogParams({ q: "  tea  " }).q).toBe("tea")
    expect(parseCatalogParams({ q: "x".repeat(300) }).q).toHaveLength(100)
    expect(parseCatalogParams({ q: "   " }).q).toBeUndefined()
  })
})

describe("catalogQuery", () => {
  it("round-trips through the parser", () => {
    const p = parseCatalogParams({
      q: "chai",
      category: ["coffee-tea"],
      collection: "best-sellers",
      opt: ["Pack:50 bags"],
      min: "100",
      max: "900",
      stock: "in",
      sort: "price_desc",
      page: "3",
    })
    const query = catalogQuery(p)
    const back = parseCatalogParams(Object.fromEntries([...new URLSearchParams(query.slice(1)).keys()].map((k) => [k, new URLSearchParams(query.slice(1)).getAll(k)])))
    expect(back).toEqual(p)
  })

  it("leaves defaults out and applies overrides", () => {
    const p = parseCatalogParams({ q: "tea", page: "4" })
    expect(catalogQuery(p, { page: 1 })).toBe("?q=tea")
    expect(catalogQuery(parseCatalogParams({}))).toBe("")
  })
})

describe("hasFilters", () => {
  it("knows when any filter is active", () => {
    expect(hasFilters(parseCatalogParams({ sort: "price_asc", page: "2" }))).toBe(false)
    expect(hasFilters(parseCatalogParams({ min: "0" }))).toBe(true)
    expect(hasFilters(parseCatalogParams({ stock: "in" }))).toBe(true)
  })
})
