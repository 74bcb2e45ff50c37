import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { createTranslationsWorkflow, updateStoresWorkflow } from "@medusajs/medusa/core-flows"
import swahili from "./demo-catalog-sw.json"
import { type OptionTranslation, type OptionWords, optionTranslations, type ProductOptionRows } from "./option-translations"

/** The shop's languages: English content as entered, Swahili through Medusa's Translation Module. */
export const SHOP_LOCALES = [
  { code: "en-KE", name: "English (Kenya)" },
  { code: swahili.locale, name: swahili.locale_name },
] as const

type Reference = "product" | "product_category" | "product_collection" | OptionTranslation["reference"]
type Texts = Record<string, Record<string, string>>

/**
 * Swahili content for the demo catalog (./demo-catalog-sw.json): products,
 * categories, collections, and each product's option titles, option values
 * and variant titles (./option-translations.ts). Editable in
 * the admin afterwards (Settings → Translations). Kenya's locales are not in
 * Medusa's default list, so they are added first, then offered by the store;
 * a resource that already has a Swahili translation is left as the merchant
 * made it. An app without the module (MEDUSA_FF_TRANSLATION=false, or the
 * bench's vanilla Medusa) gets English only.
 */
export async function seedTranslations(container: MedusaContainer): Promise<number> {
  if (!container.hasRegistration(Modules.TRANSLATION)) {
    return 0
  }
  const translation = container.resolve(Modules.TRANSLATION)
  const known = new Set((await translation.listLocales({ code: SHOP_LOCALES.map((l) => l.code) })).map((l) => l.code))
  const missing = SHOP_LOCALES.filter((l) => !known.has(l.code))
  if (missing.length) {
    await translation.createLocales(missing.map((l) => ({ code: l.code, name: l.name })))
  }
  const [store] = await container.resolve(Modules.STORE).listStores({}, { relations: ["supported_locales"] })
  const offered = new Set((store.supported_locales ?? []).map((l) => l.locale_code))
  if (SHOP_LOCALES.some((l) => !offered.has(l.code))) {
    const codes = [...new Set([...offered, ...SHOP_LOCALES.map((l) => l.code)])]
    await updateStoresWorkflow(container).run({
      input: { selector: { id: store.id }, update: { supported_locales: codes.map((locale_code) => ({ locale_code })) } },
    })
  }

  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const idsByHandle = async (entity: string, handles: string[]) => {
    const { data } = await query.graph({ entity, fields: ["id", "handle"], filters: { handle: handles } })
    return new Map((data as { id: string; handle: string }[]).map((row) => [row.handle, row.id]))
  }
  const wanted: { reference: Reference; ids: Map<string, string>; texts: Texts }[] = [
    { reference: "product", ids: await idsByHandle("product", Object.keys(swahili.products)), texts: swahili.products },
    { reference: "product_category", ids: await idsByHandle("product_category", Object.keys(swahili.categories)), texts: swahili.categories },
    { reference: "product_collection", ids: await idsByHandle("product_collection", Object.keys(swahili.collections)), texts: swahili.collections },
  ]
  const { data: products } = await query.graph({
    entity: "product",
    fields: ["options.id", "options.title", "options.values.id", "options.values.value", "variants.id", "variants.title"],
    filters: { handle: Object.keys(swahili.products) },
  })
  const optionRows = (products as ProductOptionRows[]).flatMap((p) => optionTranslations(p, swahili.options as OptionWords))

  const all: { reference: Reference; reference_id: string; translations: Record<string, string> }[] = [
    ...wanted.flatMap(({ reference, ids, texts }) =>
      [...ids.entries()].map(([handle, id]) => ({ reference, reference_id: id, translations: texts[handle] }))
    ),
    ...optionRows,
  ]
  const done = new Set(
    (
      await translation.listTranslations(
        { reference_id: all.map((t) => t.reference_id), locale_code: swahili.locale },
        { select: ["reference_id"] }
      )
    ).map((t) => t.reference_id)
  )
  const translations = all.filter((t) => !done.has(t.reference_id)).map((t) => ({ ...t, locale_code: swahili.locale }))
  if (translations.length) {
    await createTranslationsWorkflow(container).run({ input: { translations } })
  }
  return translations.length
}
