import { describe, expect, it } from "vitest"
import { parseCatalogParams } from "../params"
import { applyScan, fromPrice, matchesOptions, pageCount, pageOf, type ScanRow, sortRows } from "../scan"

const row = (id: string, prices: (number | null)[], opts: Record<string, string>[] = [], created = "2026-01-01"): ScanRow => ({
  id,
  title: id,
  created_at: created,
  variants: prices.map((price, i) => ({
    price,
    options: Object.entries(opts[i] ?? {}).map(([title, value]) => ({ title, value })),
  })),
})

const shuka = row("shuka", [1800, 1800], [{ Color: "Red" }, { Color: "Blue" }], "2026-01-03")
const bank = row("bank", [2200, 2200], [{ Color: "Black" }, { Color: "White" }], "2026-01-05")
const basket = row("basket", [1600, 2400], [{ Size: "Small" }, { Size: "Large" }], "2026-01-02")
const tea = row("tea", [290, 520], [{ Pack: "50 bags" }, { Pack: "100 bags" }], "2026-01-04")
const unpriced = row("unpriced", [null], [{}], "2026-01-06")
const all = [shuka, bank, basket, tea, unpriced]

describe("fromPrice", () => {
  it("is the cheapest priced variant", () => {
    expect(fromPrice(basket)).toBe(1600)
    expect(fromPrice(row("mixed", [null, 700, 500]))).toBe(500)
    expect(fromPrice(unpriced)).toBeNull()
  })
})

describe("sortRows", () => {
  it("sorts by from-price both ways across the whole list, unpriced last", () => {
    expect(sortRows(all, "price_asc").map((r) => r.id)).toEqual(["tea", "basket", "shuka", "bank", "unpriced"])
    expect(sortRows(all, "price_desc").map((r) => r.id)).toEqual(["bank", "shuka", "basket", "tea", "unpriced"])
  })

  it("is stable for equal prices", () => {
    const a = row("a", [100])
    const b = row("b", [100])
    const c = row("c", [100])
    expect(sortRows([b, c, a], "price_asc").map((r) => r.id)).toEqual(["b", "c", "a"])
  })

  it("sorts by newest and by name", () => {
    expect(sortRows(all, "newest").map((r) => r.id)).toEqual(["unpriced", "bank", "tea", "shuka", "basket"])
    expect(sortRows(all, "title").map((r) => r.id)).toEqual(["bank", "basket", "shuka", "tea", "unpriced"])
  })

  it("keeps the API order for featured", () => {
    expect(sortRows(all, "featured")).toEqual(all)
  })
})

describe("matchesOptions", () => {
  it("ORs values within a group, ANDs groups, on one variant", () => {
    const shirt = row("shirt", [1, 1, 1], [
      { Size: "M", Color: "Red" },
      { Size: "L", Color: "Blue" },
      { Size: "S", Color: "Red" },
    ])
    expect(matchesOptions(shirt, { Color: ["Red", "Green"] })).toBe(true)
    expect(matchesOptions(shirt, { Color: ["Red"], Size: ["L"] })).toBe(false)
    expect(matchesOptions(shirt, { Color: ["Blue"], Size: ["L"] })).toBe(true)
    expect(matchesOptions(shirt, { color: ["red"] })).toBe(true)
    expect(matchesOptions(shirt, {})).toBe(true)
    expect(matchesOptions(shirt, { Material: ["Silk"] })).toBe(false)
  })
})

describe("applyScan", () => {
  it("filters by price range on the from-price, then sorts", () => {
    const p = parseCatalogParams({ min: "1000", max: "2000", sort: "price_desc" })
    expect(applyScan(all, p).map((r) => r.id)).toEqual(["shuka", "basket"])
  })

  it("filters by options", () => {
    const p = parseCatalogParams({ opt: ["Color:Red", "Color:White"], sort: "price_asc" })
    expect(applyScan(all, p).map((r) => r.id)).toEqual(["shuka", "bank"])
  })

  it("pages the sorted list, so page 2 continues where page 1 stopped", () => {
    const many = Array.from({ length: 30 }, (_, i) => row(`p${i}`, [1000 - i * 10]))
    const sorted = applyScan(many, parseCatalogParams({ sort: "price_asc" }))
    const first = pageOf(sorted, 1, 12)
    const second = pageOf(sorted, 2, 12)
    const third = pageOf(sorted, 3, 12)
    expect(first[0]!.id).toBe("p29")
    expect(fromPrice(first[11]!)).toBeLessThan(fromPrice(second[0]!)!)
    expect(third).toHaveLength(6)
    expect(pageCount(sorted.length, 12)).toBe(3)
    expect(pageCount(0, 12)).toBe(1)
  })
})
