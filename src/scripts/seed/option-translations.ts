/** One option's words in another language: its title and the values that change. */
export type OptionWords = Record<string, { title: string; values: Record<string, string> }>

/** A product as the seed reads it back: its option rows and variants, with ids. */
export type ProductOptionRows = {
  options?: { id: string; title: string; values?: { id: string; value: string }[] | null }[] | null
  variants?: { id: string; title: string | null }[] | null
}

export type OptionTranslation = {
  reference: "product_option" | "product_option_value" | "product_variant"
  reference_id: string
  translations: Record<string, string>
}

/** The seed titles a variant by its option values joined like this (catalog.ts). */
const VARIANT_TITLE_JOIN = " / "

/**
 * Each product has its own option and value rows, so the shared words become
 * one translation per row. A variant's title is its values joined, so it is
 * translated part by part; a value without a word (S, M, Pro) stays as it is,
 * and a row nothing changes in gets no translation, leaving English to show.
 */
export function optionTranslations(product: ProductOptionRows, words: OptionWords): OptionTranslation[] {
  const out: OptionTranslation[] = []
  const valueWords = new Map<string, string>()
  for (const option of product.options ?? []) {
    const known = words[option.title]
    if (!known) {
      continue
    }
    if (known.title !== option.title) {
      out.push({ reference: "product_option", reference_id: option.id, translations: { title: known.title } })
    }
    for (const value of option.values ?? []) {
      const word = known.values[value.value]
      if (word && word !== value.value) {
        valueWords.set(value.value, word)
        out.push({ reference: "product_option_value", reference_id: value.id, translations: { value: word } })
      }
    }
  }
  for (const variant of product.variants ?? []) {
    if (!variant.title) {
      continue
    }
    const title = variant.title
      .split(VARIANT_TITLE_JOIN)
      .map((part) => valueWords.get(part) ?? part)
      .join(VARIANT_TITLE_JOIN)
    if (title !== variant.title) {
      out.push({ reference: "product_variant", reference_id: variant.id, translations: { title } })
    }
  }
  return out
}
