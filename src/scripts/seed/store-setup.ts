import {
  createApiKeysWorkflow,
  createRegionsWorkflow,
  createTaxRegionsWorkflow,
  linkSalesChannelsToApiKeyWorkflow,
  updateRegionsWorkflow,
  updateStoresWorkflow,
} from "@medusajs/medusa/core-flows"
import type { MedusaContainer } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"

export const KENYA_REGION = { name: "Kenya", currency_code: "kes", countries: ["ke"] }
export const INTERNATIONAL_REGION = {
  name: "International",
  currency_code: "usd",
  countries: ["us", "gb", "de", "fr", "nl", "ug", "tz", "rw", "za", "ng", "ae", "in", "ca", "au"],
}
export const STOREFRONT_KEY_TITLE = "Soko Storefront"

export async function defaultSalesChannelId(container: MedusaContainer): Promise<string> {
  const storeService = container.resolve(Modules.STORE)
  const salesChannels = container.resolve(Modules.SALES_CHANNEL)
  const [store] = await storeService.listStores()
  if (store?.default_sales_channel_id) {
    return store.default_sales_channel_id
  }
  const [channel] = await salesChannels.listSalesChannels({ name: "Default Sales Channel" })
  if (channel) {
    return channel.id
  }
  const [created] = await salesChannels.createSalesChannels([{ name: "Default Sales Channel" }])
  return created.id
}

/** Store name and currencies: KES (default, VAT-inclusive) and USD. */
export async function seedStore(container: MedusaContainer, salesChannelId: string) {
  const storeService = container.resolve(Modules.STORE)
  const [store] = await storeService.listStores()
  await updateStoresWorkflow(container).run({
    input: {
      selector: { id: store.id },
      update: {
        name: "Soko Demo Shop",
        supported_currencies: [
          { currency_code: "kes", is_default: true, is_tax_inclusive: true },
          { currency_code: "usd" },
        ],
        default_sales_channel_id: salesChannelId,
      },
    },
  })
  return store.id
}

export async function seedRegions(container: MedusaContainer) {
  const regionService = container.resolve(Modules.REGION)
  const result: Record<string, string> = {}
  for (const spec of [KENYA_REGION, INTERNATIONAL_REGION]) {
    const [existing] = await regionService.listRegions({ name: spec.name })
    if (existing) {
      result[spec.name] = existing.id
      continue
    }
    const { result: created } = await createRegionsWorkflow(container).run({
      input: {
        regions: [
          {
            ...spec,
            automatic_taxes: true,
            is_tax_inclusive: spec.currency_code === "kes",
            payment_providers: ["pp_system_default"],
          },
        ],
      },
    })
    result[spec.name] = created[0].id
  }
  const regions = { kenyaId: result[KENYA_REGION.name], internationalId: result[INTERNATIONAL_REGION.name] }
  await offerConfiguredProviders(container, regions)
  return regions
}

/**
 * Payment providers that exist only when configured (M-Pesa for Kenya, cards
 * for International) are offered in their region once they are registered;
 * the system provider (cash on delivery) stays available in both.
 */
const REGION_PROVIDERS: { region: "kenyaId" | "internationalId"; provider: string }[] = [
  { region: "kenyaId", provider: "pp_mpesa_mpesa" },
  { region: "internationalId", provider: "pp_stripe_stripe" },
]

async function offerConfiguredProviders(
  container: MedusaContainer,
  regions: { kenyaId: string; internationalId: string }
) {
  const payment = container.resolve(Modules.PAYMENT)
  const registered = new Set(
    (await payment.listPaymentProviders({ id: REGION_PROVIDERS.map((r) => r.provider) })).map((p) => p.id)
  )
  const query = container.resolve("query")
  for (const { region, provider } of REGION_PROVIDERS) {
    if (!registered.has(provider)) {
      continue
    }
    const { data } = await query.graph({
      entity: "region",
      fields: ["id", "payment_providers.id"],
      filters: { id: regions[region] },
    })
    const current = ((data[0]?.payment_providers ?? []) as ({ id: string } | null)[])
      .filter((p): p is { id: string } => !!p)
      .map((p) => p.id)
    if (!current.includes(provider)) {
      await updateRegionsWorkflow(container).run({
        input: { selector: { id: regions[region] }, update: { payment_providers: [...current, provider] } },
      })
    }
  }
}

/** Kenya charges 16% VAT; exports to other countries are zero-rated. */
export async function seedTaxRegions(container: MedusaContainer) {
  const taxService = container.resolve(Modules.TAX)
  const countries = [...KENYA_REGION.countries, ...INTERNATIONAL_REGION.countries]
  const existing = new Set(
    (await taxService.listTaxRegions({ country_code: countries })).map((r) => r.country_code)
  )
  const missing = countries.filter((c) => !existing.has(c))
  if (!missing.length) {
    return
  }
  await createTaxRegionsWorkflow(container).run({
    input: missing.map((country_code) => ({
      country_code,
      provider_id: "tp_system",
      ...(country_code === "ke"
        ? { default_tax_rate: { rate: 16, code: "VAT", name: "Kenya VAT" } }
        : {}),
    })),
  })
}

export async function seedPublishableKey(container: MedusaContainer, salesChannelId: string) {
  const apiKeys = container.resolve(Modules.API_KEY)
  let [key] = await apiKeys.listApiKeys({ title: STOREFRONT_KEY_TITLE, type: "publishable" })
  if (!key) {
    const { result } = await createApiKeysWorkflow(container).run({
      input: { api_keys: [{ title: STOREFRONT_KEY_TITLE, type: "publishable", created_by: "soko-seed" }] },
    })
    key = result[0]
  }
  const query = container.resolve("query")
  const { data } = await query.graph({
    entity: "api_key",
    fields: ["id", "sales_channels.id"],
    filters: { id: key.id },
  })
  const linked = (data[0]?.sales_channels ?? []).some((sc: { id: string } | null) => sc?.id === salesChannelId)
  if (!linked) {
    await linkSalesChannelsToApiKeyWorkflow(container).run({
      input: { id: key.id, add: [salesChannelId] },
    })
  }
  return key.token
}
