import "server-only"
import type { HttpTypes } from "@medusajs/types"
import { cache } from "react"
import { SLOW_TTL, storeFetch } from "./fetch"

export const DEFAULT_COUNTRY = "ke"

export const listRegions = cache(async (): Promise<HttpTypes.StoreRegion[]> => {
  const { regions } = await storeFetch<{ regions: HttpTypes.StoreRegion[] }>("/store/regions", {
    query: { fields: "id,name,currency_code,automatic_taxes,*countries", limit: 100 },
    revalidate: SLOW_TTL,
    tags: ["regions"],
  })
  return regions
})

export type CountryOption = { code: string; name: string; regionId: string; currency: string }

export async function listCountries(): Promise<CountryOption[]> {
  const regions = await listRegions()
  return regions
    .flatMap((r) =>
      (r.countries ?? []).map((c) => ({
        code: (c.iso_2 ?? "").toLowerCase(),
        name: c.display_name ?? c.name ?? (c.iso_2 ?? "").toUpperCase(),
        regionId: r.id,
        currency: r.currency_code,
      }))
    )
    .filter((c) => c.code)
    .sort((a, b) => (a.code === DEFAULT_COUNTRY ? -1 : b.code === DEFAULT_COUNTRY ? 1 : a.name.localeCompare(b.name)))
}

export async function getRegion(countryCode: string): Promise<HttpTypes.StoreRegion | null> {
  const code = countryCode.toLowerCase()
  const regions = await listRegions()
  return regions.find((r) => r.countries?.some((c) => c.iso_2?.toLowerCase() === code)) ?? null
}
