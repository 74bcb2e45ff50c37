import type { ResolvedOptions } from "../../modules/notifications/options"
import type { Branding } from "../../templates/render-message"

type Query = { graph: (input: { entity: string; fields: string[] }) => Promise<{ data: unknown[] }> }

let cached: { name: string; at: number } | undefined
const TTL_MS = 60_000

/**
 * Branding from the options; the store name defaults to Medusa's store name,
 * read at most once a minute (it is not message data, so it stays out of
 * the per-event query).
 */
export async function brandingFor(query: Query, options: ResolvedOptions): Promise<Branding> {
  let storeName = options.branding.storeName
  if (!storeName) {
    if (!cached || Date.now() - cached.at > TTL_MS) {
      const { data } = await query.graph({ entity: "store", fields: ["name"] })
      const name = (data[0] as { name?: string } | undefined)?.name
      cached = { name: name?.trim() || "Our shop", at: Date.now() }
    }
    storeName = cached.name
  }
  return {
    storeName,
    storeUrl: options.storefrontUrl,
    logoUrl: options.branding.logoUrl,
    primaryColor: options.branding.primaryColor,
    supportEmail: options.branding.supportEmail,
    supportPhone: options.branding.supportPhone,
    address: options.branding.address,
  }
}
