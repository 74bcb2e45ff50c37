import type { RemoteQueryFunction } from "@medusajs/framework/types"
import { FeatureFlag } from "@medusajs/framework/utils"
import type { TranslatedTexts } from "./product-document"

/** The language whose product texts are indexed beside the English ones, so a shopper can search in it. */
export const SEARCH_LOCALE = "sw-KE"

/**
 * Each product's Swahili title, subtitle and description from Medusa's
 * Translation Module. An app without the module (its feature flag off) has
 * none, and its index holds English only.
 */
export async function translatedTextsFor(query: RemoteQueryFunction, productIds: string[]): Promise<TranslatedTexts> {
  const texts: TranslatedTexts = new Map()
  // Medusa's own switch for the module (medusa-config.ts sets it), as its translation routes use.
  if (!productIds.length || !FeatureFlag.isFeatureEnabled("translation")) {
    return texts
  }
  const { data } = await query.graph({
    entity: "translation",
    fields: ["reference_id", "translations"],
    filters: { reference: "product", reference_id: productIds, locale_code: SEARCH_LOCALE },
  })
  const rows = data as { reference_id: string; translations?: Record<string, unknown> | null }[]
  for (const row of rows) {
    const t = row.translations ?? {}
    const pick = (key: string) => (typeof t[key] === "string" && (t[key] as string).trim() ? (t[key] as string) : undefined)
    texts.set(row.reference_id, { title: pick("title"), subtitle: pick("subtitle"), description: pick("description") })
  }
  return texts
}
