import { describe, expect, it } from "vitest"
import { parseCatalogParams, type RawSearchParams } from "../params"
import {
  catalogSearchRequest,
  emptyCatalogSearch,
  hasUnknownHandle,
  optionFacets,
  optionWordsFrom,
  pageCount,
  readCatalogSearch,
  searchFilters,
  searchOrder,
  type SearchResponse,
} from "../search-query"

const params = (sp: RawSearchParams) => parseCatalogParams(sp)

describe("searchFilters", () => {
  it.each<[string, RawSearchParams, object]>([
    ["nothing for the whole catalog", {}, {}],
    ["the search term as q", { q: "tea" }, { q: "tea" }],
    ["any of the categories", { category: ["pantry", "kitchen"] }, { category_handles: { $overlaps: ["pantry", "kitchen"] } }],
    ["any of the collections", { collection: "made-in-kenya" }, { collection_handle: { $in: ["made-in-kenya"] } }],
    [
      "options offered together by one variant: each combination, values of one option as alternatives",
      { opt: ["Size:M", "Color:Red", "Color:Blue"] },
      { option_sets: { $overlaps: ["Color:Red|Size:M", "Color:Blue|Size:M"] } },
    ],
    ["a value holding a colon kept whole", { opt: "Ratio:1:2" }, { option_sets: { $overlaps: ["Ratio:1:2"] } }],
    ["a price range on the region's currency", { min: "500", max: "3000" }, { price_kes: { $gte: 500, $lte: 3000 } }],
    ["only a floor", { min: "0" }, { price_kes: { $gte: 0 } }],
    ["only a ceiling", { max: "2000" }, { price_kes: { $lte: 2000 } }],
    ["in stock only", { stock: "in" }, { in_stock: true }],
    [
      "everything at once",
      { q: "tea", category: "pantry", collection: "made-in-kenya", opt: "Color:Red", min: "500", max: "3000", stock: "in", sort: "price_asc", page: "3" },
      {
        q: "tea",
        category_handles: { $overlaps: ["pantry"] },
        collection_handle: { $in: ["made-in-kenya"] },
        option_sets: { $overlaps: ["Color:Red"] },
        price_kes: { $gte: 500, $lte: 3000 },
        in_stock: true,
      },
    ],
  ])("%s", (_, sp, expected) => {
    expect(searchFilters(params(sp), "kes")).toEqual(expected)
  })

  it("past 200 combinations, matches each option on its own instead", () => {
    const opt = ["A", "B", "C"].flatMap((title) => Array.from({ length: 6 }, (_, i) => `${title}:${i}`))
    const filters = searchFilters(params({ opt }), "kes") as { $and?: unknown[]; option_sets?: unknown }
    expect(filters.option_sets).toBeUndefined()
    expect(filters.$and).toHaveLength(3)
  })

  it("reads the price field of the region's currency, whatever its case", () => {
    expect(searchFilters(params({ max: "20" }), "USD")).toEqual({ price_usd: { $lte: 20 } })
  })
})

describe("searchOrder", () => {
  it.each([
    ["featured", undefined],
    ["newest", { created_at: "DESC", title: "ASC" }],
    ["price_asc", { price_kes: "ASC", title: "ASC" }],
    ["price_desc", { price_kes: "DESC", title: "ASC" }],
    ["title", { title: "ASC" }],
  ] as const)("%s → %j", (sort, expected) => {
    expect(searchOrder(sort, "kes")).toEqual(expected)
  })

  it("keeps the price first, so the tie-breaker only orders equal prices", () => {
    expect(Object.keys(searchOrder("price_asc", "usd")!)).toEqual(["price_usd", "title"])
  })
})

describe("catalogSearchRequest", () => {
  it("asks the product index for one page of ids, an exact count and the option facet", () => {
    expect(catalogSearchRequest(params({ q: "tea", sort: "price_desc", page: "3" }), "kes")).toEqual({
      queries: [
        {
          entity: "product",
          fields: ["id"],
          filters: { q: "tea" },
          pagination: { skip: 24, take: 12, order: { price_kes: "DESC", title: "ASC" } },
          search_options: {
            count: "exact",
            typo_tolerance: true,
            disjunctive_facets: true,
            facets: [{ field: "option_values", limit: 100 }],
          },
        },
      ],
    })
  })

  it("sends no order for featured, so a search term ranks by relevance", () => {
    const [query] = catalogSearchRequest(params({ q: "tea" }), "kes").queries
    expect(query!.pagination).toEqual({ skip: 0, take: 12 })
  })
})

describe("optionFacets", () => {
  const facet = (...values: string[]) => ({ type: "value" as const, values: values.map((value) => ({ value, count: 1 })) })

  it.each<[string, ReturnType<typeof facet> | undefined, Record<string, string[]>, { title: string; values: string[] }[]]>([
    ["none without a facet", undefined, {}, []],
    [
      "options by title, values in natural order, titles sorted",
      facet("Size:10", "Size:9", "Color:Red", "Color:Blue", "Size:M"),
      {},
      [
        { title: "Color", values: ["Blue", "Red"] },
        { title: "Size", values: ["9", "10", "M"] },
      ],
    ],
    ["an option with one value is nothing to choose between", facet("Grind:Whole", "Color:Red", "Color:Blue"), {}, [{ title: "Color", values: ["Blue", "Red"] }]],
    ["split on the first colon only", facet("Ratio:1:2", "Ratio:1:3"), {}, [{ title: "Ratio", values: ["1:2", "1:3"] }]],
    ["values without an option title or value are dropped", facet(":Red", "Color:", "Plain", "Color:Red", "Color:Blue"), {}, [{ title: "Color", values: ["Blue", "Red"] }]],
    [
      "a checked value stays, even when the others filter it out",
      facet("Color:Red", "Color:Blue"),
      { Grind: ["Whole"], Color: ["Green"] },
      [
        { title: "Color", values: ["Blue", "Green", "Red"] },
        { title: "Grind", values: ["Whole"] },
      ],
    ],
  ])("%s", (_, given, selected, expected) => {
    expect(optionFacets(given, selected)).toEqual(expected)
  })

  it("ignores a facet of another kind", () => {
    expect(optionFacets({ type: "stats", min: 1, max: 2, count: 2 }, {})).toEqual([])
  })
})

describe("readCatalogSearch", () => {
  const response = (hits: string[], count: number | null, facetValues: string[] = []): SearchResponse => ({
    results: [
      {
        hits: hits.map((id) => ({ id, document: { id } })),
        facets: { option_values: { type: "value", values: facetValues.map((value) => ({ value, count: 1 })) } },
        metadata: { skip: 0, take: 12, count },
      },
    ],
  })

  it.each<[string, SearchResponse, RawSearchParams, { ids: string[]; count: number }]>([
    ["hit ids in the engine's order, with the total", response(["prod_b", "prod_a"], 40), {}, { ids: ["prod_b", "prod_a"], count: 40 }],
    ["nothing found", response([], 0), { q: "kikapu" }, { ids: [], count: 0 }],
    ["past the last page: no ids, the total still known", response([], 40), { page: "9" }, { ids: [], count: 40 }],
    ["no count: at least what the pages so far hold", response(["prod_a"], null), { page: "3" }, { ids: ["prod_a"], count: 25 }],
    ["no result at all", { results: [] }, {}, { ids: [], count: 0 }],
  ])("%s", (_, given, sp, expected) => {
    const found = readCatalogSearch(given, params(sp))
    expect({ ids: found.ids, count: found.count }).toEqual(expected)
  })

  it("turns the option facet into the filter form's options", () => {
    const found = readCatalogSearch(response(["prod_a"], 1, ["Color:Red", "Color:Blue"]), params({}))
    expect(found.facets.options).toEqual([{ title: "Color", values: ["Blue", "Red"] }])
  })
})

describe("hasUnknownHandle / emptyCatalogSearch", () => {
  it.each<[string, RawSearchParams, boolean]>([
    ["no filters", {}, false],
    ["known category and collection", { category: "pantry", collection: "made-in-kenya" }, false],
    ["an unknown category among known ones", { category: ["pantry", "typo"] }, true],
    ["an unknown collection", { collection: "typo" }, true],
  ])("%s → %s", (_, sp, expected) => {
    expect(hasUnknownHandle(params(sp), ["pantry", "kitchen"], ["made-in-kenya"])).toBe(expected)
  })

  it("finds nothing but keeps the checked options", () => {
    expect(emptyCatalogSearch(params({ opt: "Color:Red" }))).toEqual({
      ids: [],
      count: 0,
      facets: { options: [{ title: "Color", values: ["Red"] }], words: { titles: {}, values: {} } },
    })
  })
})

describe("option words in the shopper's language", () => {
  const words = (...triples: unknown[]) => ({ type: "value" as const, values: triples.map((t) => ({ value: typeof t === "string" ? t : JSON.stringify(t), count: 1 })) })

  it("asks for the index's Swahili dictionary in the same call, whole catalog, no filters", () => {
    const { queries } = catalogSearchRequest(params({ q: "chai", opt: "Pack:50 bags" }), "kes", "sw")
    expect(queries).toHaveLength(2)
    expect(queries[1]).toEqual({
      entity: "product",
      fields: ["id"],
      pagination: { take: 1 },
      search_options: { facets: [{ field: "option_words_sw", limit: 500 }] },
    })
    expect(catalogSearchRequest(params({}), "kes", "en").queries).toHaveLength(1)
  })

  it.each<[string, ReturnType<typeof words> | undefined, { titles: Record<string, string>; values: Record<string, string> }]>([
    ["none without the facet", undefined, { titles: {}, values: {} }],
    [
      "titles by option, values by their Title:Value key",
      words(["Size:500 g", "Ukubwa", "g 500"], ["Size:M", "Ukubwa", "M"], ["Grind:Ground", "Usagaji", "Iliyosagwa"]),
      { titles: { Size: "Ukubwa", Grind: "Usagaji" }, values: { "Size:500 g": "g 500", "Size:M": "M", "Grind:Ground": "Iliyosagwa" } },
    ],
    ["a key worded twice: the facet's first (most used) wins", words(["Size:S", "Ukubwa", "Ndogo"], ["Size:S", "Saizi", "S"]), { titles: { Size: "Ukubwa" }, values: { "Size:S": "Ndogo" } }],
    ["a value holding a colon keeps its key whole", words(["Ratio:1:2", "Uwiano", "1:2"]), { titles: { Ratio: "Uwiano" }, values: { "Ratio:1:2": "1:2" } }],
    [
      "broken entries are skipped",
      words("not json", ["Size:S", "Ukubwa"], ["Size:S", "", "S"], ["NoColon", "A", "B"], [":S", "A", "B"], { key: "Size:S" }, ["Color:Red", "Rangi", "Nyekundu"]),
      { titles: { Color: "Rangi" }, values: { "Color:Red": "Nyekundu" } },
    ],
  ])("%s", (_, facet, expected) => {
    expect(optionWordsFrom(facet)).toEqual(expected)
  })

  it("reads the dictionary from the second answer in Swahili, and none in English", () => {
    const response: SearchResponse = {
      results: [
        { hits: [], facets: { option_values: { type: "value", values: [{ value: "Size:S", count: 1 }, { value: "Size:M", count: 1 }] } }, metadata: { skip: 0, take: 12, count: 0 } },
        { hits: [], facets: { option_words_sw: words(["Size:S", "Ukubwa", "Ndogo"]) }, metadata: { skip: 0, take: 1, count: null } },
      ],
    }
    expect(readCatalogSearch(response, params({}), "sw").facets.words).toEqual({ titles: { Size: "Ukubwa" }, values: { "Size:S": "Ndogo" } })
    expect(readCatalogSearch(response, params({}), "en").facets.words).toEqual({ titles: {}, values: {} })
  })
})

describe("pageCount", () => {
  it.each([
    [0, 1],
    [1, 1],
    [12, 1],
    [13, 2],
    [40, 4],
  ])("%i products → %i pages", (count, pages) => {
    expect(pageCount(count)).toBe(pages)
  })
})
