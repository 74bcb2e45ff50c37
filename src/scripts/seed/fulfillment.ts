import {
  createShippingOptionsWorkflow,
  createShippingProfilesWorkflow,
  createStockLocationsWorkflow,
  linkSalesChannelsToStockLocationWorkflow,
} from "@medusajs/medusa/core-flows"
import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { INTERNATIONAL_REGION, KENYA_REGION } from "./store-setup"

export const NAIROBI_LOCATION = "Nairobi Shop"

type OptionSpec = {
  name: string
  zone: string
  code: string
  label: string
  description: string
  kes: number
  usd: number
}

const DELIVERY_SET = "Nairobi deliveries"
const PICKUP_SET = "Pickup at the shop"

const OPTIONS: OptionSpec[] = [
  { name: "Nairobi same-day delivery", zone: "Nairobi", code: "same-day", label: "Same-day", description: "Order by 2 pm, delivered in Nairobi the same day.", kes: 300, usd: 3 },
  { name: "Countrywide courier", zone: "Kenya", code: "courier", label: "Courier", description: "G4S/Wells Fargo courier to any town in Kenya, 1–3 days.", kes: 450, usd: 4 },
  { name: "International courier", zone: "International", code: "international", label: "International", description: "DHL to your door, 4–8 days.", kes: 3200, usd: 25 },
  { name: "Pickup at the shop", zone: "Shop counter", code: "pickup", label: "Pickup", description: "Collect from our Nairobi shop, Moi Avenue, from the next working day.", kes: 0, usd: 0 },
]

export async function seedStockLocation(container: MedusaContainer, salesChannelId: string) {
  const locations = container.resolve(Modules.STOCK_LOCATION)
  let [location] = await locations.listStockLocations({ name: NAIROBI_LOCATION })
  if (!location) {
    const { result } = await createStockLocationsWorkflow(container).run({
      input: {
        locations: [
          {
            name: NAIROBI_LOCATION,
            address: { address_1: "Moi Avenue", city: "Nairobi", country_code: "KE", province: "Nairobi" },
          },
        ],
      },
    })
    location = result[0]
  }
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({
    entity: "stock_location",
    fields: ["id", "sales_channels.id", "fulfillment_providers.id"],
    filters: { id: location.id },
  })
  const current = data[0] as {
    sales_channels?: ({ id: string } | null)[]
    fulfillment_providers?: ({ id: string } | null)[]
  }
  if (!current.sales_channels?.some((sc) => sc?.id === salesChannelId)) {
    await linkSalesChannelsToStockLocationWorkflow(container).run({
      input: { id: location.id, add: [salesChannelId] },
    })
  }
  if (!current.fulfillment_providers?.some((p) => p?.id === "manual_manual")) {
    await container.resolve(ContainerRegistrationKeys.LINK).create({
      [Modules.STOCK_LOCATION]: { stock_location_id: location.id },
      [Modules.FULFILLMENT]: { fulfillment_provider_id: "manual_manual" },
    })
  }
  return location.id
}

async function defaultShippingProfileId(container: MedusaContainer): Promise<string> {
  const fulfillment = container.resolve(Modules.FULFILLMENT)
  const [profile] = await fulfillment.listShippingProfiles({ type: "default" })
  if (profile) {
    return profile.id
  }
  const { result } = await createShippingProfilesWorkflow(container).run({
    input: { data: [{ name: "Default Shipping Profile", type: "default" }] },
  })
  return result[0].id
}

async function ensureFulfillmentSet(
  container: MedusaContainer,
  locationId: string,
  name: string,
  type: "shipping" | "pickup",
  zones: { name: string; countries: string[] }[]
) {
  const fulfillment = container.resolve(Modules.FULFILLMENT)
  let [set] = await fulfillment.listFulfillmentSets({ name }, { relations: ["service_zones"] })
  if (!set) {
    set = await fulfillment.createFulfillmentSets({
      name,
      type,
      service_zones: zones.map((z) => ({
        name: z.name,
        geo_zones: z.countries.map((country_code) => ({ type: "country" as const, country_code })),
      })),
    })
    set = await fulfillment.retrieveFulfillmentSet(set.id, { relations: ["service_zones"] })
  }
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({
    entity: "stock_location",
    fields: ["id", "fulfillment_sets.id"],
    filters: { id: locationId },
  })
  const linked = (data[0]?.fulfillment_sets ?? []).some((s: { id: string } | null) => s?.id === set.id)
  if (!linked) {
    await container.resolve(ContainerRegistrationKeys.LINK).create({
      [Modules.STOCK_LOCATION]: { stock_location_id: locationId },
      [Modules.FULFILLMENT]: { fulfillment_set_id: set.id },
    })
  }
  return new Map(set.service_zones.map((z) => [z.name, z.id]))
}

export async function seedShipping(
  container: MedusaContainer,
  locationId: string,
  regionIds: { kenyaId: string; internationalId: string }
) {
  const profileId = await defaultShippingProfileId(container)
  const zones = new Map([
    ...(await ensureFulfillmentSet(container, locationId, DELIVERY_SET, "shipping", [
      { name: "Nairobi", countries: KENYA_REGION.countries },
      { name: "Kenya", countries: KENYA_REGION.countries },
      { name: "International", countries: INTERNATIONAL_REGION.countries },
    ])),
    ...(await ensureFulfillmentSet(container, locationId, PICKUP_SET, "pickup", [
      { name: "Shop counter", countries: KENYA_REGION.countries },
    ])),
  ])

  const fulfillment = container.resolve(Modules.FULFILLMENT)
  const existing = new Set(
    (await fulfillment.listShippingOptions({ name: OPTIONS.map((o) => o.name) })).map((o) => o.name)
  )
  const missing = OPTIONS.filter((o) => !existing.has(o.name))
  if (!missing.length) {
    return
  }
  await createShippingOptionsWorkflow(container).run({
    input: missing.map((o) => ({
      name: o.name,
      price_type: "flat" as const,
      provider_id: "manual_manual",
      service_zone_id: zones.get(o.zone)!,
      shipping_profile_id: profileId,
      type: { label: o.label, description: o.description, code: o.code },
      prices: [
        { currency_code: "kes", amount: o.kes },
        { currency_code: "usd", amount: o.usd },
        { region_id: o.zone === "International" ? regionIds.internationalId : regionIds.kenyaId, amount: o.zone === "International" ? o.usd : o.kes },
      ],
      rules: [
        { attribute: "enabled_in_store", value: "true", operator: "eq" as const },
        { attribute: "is_return", value: "false", operator: "eq" as const },
      ],
    })),
  })
}
