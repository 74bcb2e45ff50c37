import swahili from "../demo-catalog-sw.json"
import catalog from "../demo-catalog.json"
import { type OptionWords, optionTranslations, type ProductOptionRows } from "../option-translations"

const words: OptionWords = {
  Size: { title: "Ukubwa", values: { "500 g": "g 500", Small: "Ndogo" } },
  Color: { title: "Rangi", values: { Red: "Nyekundu" } },
  Model: { title: "Model", values: {} },
}

const product = (options: ProductOptionRows["options"], variants: ProductOptionRows["variants"] = []): ProductOptionRows => ({ options, variants })

describe("optionTranslations", () => {
  it.each<[string, ProductOptionRows, ReturnType<typeof optionTranslations>]>([
    [
      "an option, its values and the variant titled by them",
      product(
        [{ id: "opt_1", title: "Size", values: [{ id: "val_1", value: "500 g" }, { id: "val_2", value: "Small" }] }],
        [{ id: "var_1", title: "500 g" }]
      ),
      [
        { reference: "product_option", reference_id: "opt_1", translations: { title: "Ukubwa" } },
        { reference: "product_option_value", reference_id: "val_1", translations: { value: "g 500" } },
        { reference: "product_option_value", reference_id: "val_2", translations: { value: "Ndogo" } },
        { reference: "product_variant", reference_id: "var_1", translations: { title: "g 500" } },
      ],
    ],
    [
      "a two-option variant translated part by part, an untranslated part kept",
      product(
        [
          { id: "opt_1", title: "Size", values: [{ id: "val_1", value: "XL" }] },
          { id: "opt_2", title: "Color", values: [{ id: "val_2", value: "Red" }] },
        ],
        [{ id: "var_1", title: "XL / Red" }]
      ),
      [
        { reference: "product_option", reference_id: "opt_1", translations: { title: "Ukubwa" } },
        { reference: "product_option", reference_id: "opt_2", translations: { title: "Rangi" } },
        { reference: "product_option_value", reference_id: "val_2", translations: { value: "Nyekundu" } },
        { reference: "product_variant", reference_id: "var_1", translations: { title: "XL / Nyekundu" } },
      ],
    ],
    [
      "an option the words do not know, and one whose words equal English: nothing",
      product(
        [
          { id: "opt_1", title: "Flavour", values: [{ id: "val_1", value: "Mint" }] },
          { id: "opt_2", title: "Model", values: [{ id: "val_2", value: "Pro" }] },
        ],
        [{ id: "var_1", title: "Mint / Pro" }, { id: "var_2", title: null }]
      ),
      [],
    ],
    ["a product without options or variants", product(null, null), []],
  ])("%s", (_name, rows, expected) => {
    expect(optionTranslations(rows, words)).toEqual(expected)
  })
})

describe("the demo catalog's Swahili option words", () => {
  it("name only options and values the demo catalog has", () => {
    const offered = new Map<string, Set<string>>()
    for (const p of catalog.products) {
      for (const o of p.options) {
        offered.set(o.title, new Set([...(offered.get(o.title) ?? []), ...o.values]))
      }
    }
    for (const [title, { values }] of Object.entries(swahili.options as OptionWords)) {
      expect({ title, known: offered.has(title) }).toEqual({ title, known: true })
      for (const value of Object.keys(values)) {
        expect({ title, value, known: offered.get(title)!.has(value) }).toEqual({ title, value, known: true })
      }
    }
  })
})
