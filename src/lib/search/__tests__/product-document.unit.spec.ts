import { cheapestVariantPrice, optionSets, optionWords, toProductDocument, type FromPrices, type ProductRow } from "../product-document"

const row = (over: Partial<ProductRow> = {}): ProductRow => ({
  id: "prod_1",
  title: "Kenya AA Coffee",
  handle: "kenya-aa-coffee",
  status: "published",
  created_at: "2026-12-01T10:00:00.000Z",
  ...over,
})

describe("toProductDocument", () => {
  it.each<[string, Partial<ProductRow>, FromPrices, Record<string, unknown>]>([
    [
      "a plain product: empty lists, no prices",
      {},
      new Map(),
      { id: "prod_1", title: "Kenya AA Coffee", handle: "kenya-aa-coffee", status: "published", category_handles: [], sales_channel_ids: [], option_values: [], created_at: "2026-12-01T10:00:00.000Z" },
    ],
    [
      "categories, collection and channels as handles and ids, repeats dropped",
      { categories: [{ handle: "pantry" }, { handle: "pantry" }, null, { handle: "coffee-tea" }], collection: { handle: "made-in-kenya" }, sales_channels: [{ id: "sc_1" }, { id: null }] },
      new Map(),
      { category_handles: ["pantry", "coffee-tea"], collection_handle: "made-in-kenya", sales_channel_ids: ["sc_1"] },
    ],
    [
      "option values in the storefront's Title:Value shape, trimmed, from the variants; a value without a title is left out",
      {
        variants: [
          { options: [{ value: "250 g", option: { title: " Size " } }, { value: "x", option: { title: null } }] },
          { options: [{ value: " 500 g", option: { title: "Size" } }] },
        ],
      },
      new Map(),
      { option_values: ["Size:250 g", "Size:500 g"] },
    ],
    [
      "prices per indexed currency; an unpriced currency is absent, not 0",
      {},
      new Map([["prod_1", { kes: 1450 }]]),
      { price_kes: 1450 },
    ],
    [
      "empty strings and nulls are not indexed",
      { subtitle: "", description: null, thumbnail: null, collection: null },
      new Map([["prod_1", { kes: 10, usd: 0.5 }]]),
      { price_kes: 10, price_usd: 0.5 },
    ],
  ])("%s", (_name, over, prices, expected) => {
    const document = toProductDocument(row(over), prices)
    expect(document).toEqual(expect.objectContaining(expected))
    for (const key of ["subtitle", "description", "thumbnail", "collection_handle", "price_usd"]) {
      if (!(key in expected)) {expect(document).not.toHaveProperty(key)}
    }
  })

  it.each<[string, Map<string, string>, Map<string, string>, string[][]]>([
    [
      "a translated title and value; the other value keeps its English beside the Swahili title",
      new Map([["opt_1", "Ukubwa"]]),
      new Map([["val_1", "g 500"]]),
      [
        ["Size:500 g", "Ukubwa", "g 500"],
        ["Size:S", "Ukubwa", "S"],
      ],
    ],
    ["only a value translated", new Map(), new Map([["val_1", "g 500"]]), [["Size:500 g", "Size", "g 500"]]],
    ["nothing translated: nothing (English stands)", new Map(), new Map(), []],
  ])("option words: %s", (_name, titles, values, expected) => {
    const withOptions = row({
      variants: [
        { options: [{ id: "val_1", value: "500 g", option: { id: "opt_1", title: "Size" } }] },
        { options: [{ id: "val_2", value: "S", option: { id: "opt_1", title: "Size" } }, { id: "val_3", value: null, option: { id: "opt_1", title: "Size" } }] },
        { options: [{ id: "val_1", value: "500 g", option: { id: "opt_1", title: "Size" } }] },
      ],
    })
    expect(optionWords(withOptions, titles, values)).toEqual(expected.map((triple) => JSON.stringify(triple)))
  })

  it("indexes the Swahili texts beside the English ones, leaving out blanks", () => {
    const translated = new Map([["prod_1", { title: "Kahawa ya Kenya AA", subtitle: "", description: "Maharagwe ya AA" }]])
    const document = toProductDocument(row(), new Map(), translated)
    expect(document).toEqual(expect.objectContaining({ title: "Kenya AA Coffee", title_sw: "Kahawa ya Kenya AA", description_sw: "Maharagwe ya AA" }))
    expect(document).not.toHaveProperty("subtitle_sw")
    expect(toProductDocument(row(), new Map())).not.toHaveProperty("title_sw")
  })

  it("has no status when the row has none: a draft, so the store never shows it", () => {
    expect(toProductDocument(row({ status: null }), new Map()).status).toBe("draft")
  })
})

describe("optionSets", () => {
  const o = (title: string | null, value: string | null) => ({ value, option: { title } })
  it.each<[string, ReturnType<typeof o>[], string[]]>([
    ["no options", [], []],
    ["one option", [o("Size", "M")], ["Size:M"]],
    ["two options: each alone and both, titles in order", [o("Size", "M"), o("Color", "Red")], ["Color:Red", "Size:M", "Color:Red|Size:M"]],
    ["a value without its title is left out", [o("Size", "M"), o(null, "x")], ["Size:M"]],
    ["three options: 7 combinations", [o("A", "1"), o("B", "2"), o("C", "3")], ["A:1", "B:2", "A:1|B:2", "C:3", "A:1|C:3", "B:2|C:3", "A:1|B:2|C:3"]],
  ])("%s", (_name, options, expected) => {
    expect(optionSets(options)).toEqual(expected)
  })

  it("a product's sets come from its variants, repeats dropped", () => {
    const variants = [{ options: [o("Color", "Red"), o("Size", "M")] }, { options: [o("Color", "Red"), o("Size", "L")] }]
    const document = toProductDocument(row({ variants }), new Map())
    expect(document.option_sets).toEqual(["Color:Red", "Size:M", "Color:Red|Size:M", "Size:L", "Color:Red|Size:L"])
    expect(document.option_values).toEqual(["Color:Red", "Size:M", "Size:L"])
  })
})

describe("cheapestVariantPrice", () => {
  it.each<[string, any, number | undefined]>([
    ["no variants", [], undefined],
    ["null list", null, undefined],
    ["unpriced variants only", [{ calculated_price: null }, {}], undefined],
    ["the cheapest of several", [{ calculated_price: { calculated_amount: 900 } }, { calculated_price: { calculated_amount: 650 } }], 650],
    ["0 is a price", [{ calculated_price: { calculated_amount: 0 } }, { calculated_price: { calculated_amount: 5 } }], 0],
    ["a BigNumber-like amount", [{ calculated_price: { calculated_amount: { numeric: 12.5 } } }], 12.5],
    ["a decimal string", [{ calculated_price: { calculated_amount: "99.90" } }], 99.9],
    ["garbage is ignored", [{ calculated_price: { calculated_amount: "n/a" } }, { calculated_price: { calculated_amount: 3 } }], 3],
  ])("%s", (_name, variants, expected) => {
    expect(cheapestVariantPrice(variants)).toBe(expected)
  })
})
