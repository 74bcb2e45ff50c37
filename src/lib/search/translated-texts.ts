import type { RemoteQueryFunction } from "@medusajs/framework/types"
import { FeatureFlag } from "@medusajs/framework/utils"
import { optionWords, type ProductRow, type TranslatedTexts } from "./product-document"

/** The language whose product texts are indexed beside the English ones, so a shopper can search in it. */
export const SEARCH_LOCALE = "sw-KE"

type TranslationRow = { reference: string; reference_id: string; translations?: Record<string, unknown> | null }

const text = (t: TranslationRow["translations"], key: string) => {
  const value = t?.[key]
  return typeof value === "string" && value.trim() ? value : undefined
}

/**
 * Each product's Swahili title, subtitle, description and option words from
 * Medusa's Translation Module, in one query for the page of products, their
 * options and their option values. An app without the module (its feature flag
 * off) has none, and its index holds English only.
 */
export async function translatedTextsFor(query: RemoteQueryFunction, rows: ProductRow[]): Promise<TranslatedTexts> {
  const texts: TranslatedTexts = new Map()
  // Medusa's own switch for the module (medusa-config.ts sets it), as its translation routes use.
  if (!rows.length || !FeatureFlag.isFeatureEnabled("translation")) {
    return texts
  }
  const values = rows.flatMap((row) => (row.variants ?? []).flatMap((v) => v?.options ?? []))
  const ids = new Set([
    ...rows.map((row) => row.id),
    ...values.map((o) => o?.id),
    ...values.map((o) => o?.option?.id),
  ].filter((id): id is string => Boolean(id)))
  const { data } = await query.graph({
    entity: "translation",
    fields: ["reference", "reference_id", "translations"],
    filters: { reference_id: [...ids], locale_code: SEARCH_LOCALE },
  })
  const optionTitles = new Map<string, string>()
  const valueWords = new Map<string, string>()
  const products = new Map<string, TranslationRow["translations"]>()
  for (const row of data as TranslationRow[]) {
    if (row.reference === "product") {
      products.set(row.reference_id, row.translations)
    } else if (row.reference === "product_option" && text(row.translations, "title")) {
      optionTitles.set(row.reference_id, text(row.translations, "title")!)
    } else if (row.reference === "product_option_value" && text(row.translations, "value")) {
      valueWords.set(row.reference_id, text(row.translations, "value")!)
    }
  }
  for (const row of rows) {
    const t = products.get(row.id)
    const option_words = optionWords(row, optionTitles, valueWords)
    if (t || option_words.length) {
      texts.set(row.id, { title: text(t, "title"), subtitle: text(t, "subtitle"), description: text(t, "description"), option_words })
    }
  }
  return texts
}
