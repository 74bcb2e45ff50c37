import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { validateMpesaOptions } from "../providers/mpesa/options"
import type { ResolvedMpesaOptions } from "../providers/mpesa/types"

type ProviderConfig = { resolve?: unknown; id?: string; options?: Record<string, unknown> }

let cached: { source: unknown; options: ResolvedMpesaOptions & { providerId: string } } | undefined

/**
 * The M-Pesa provider's options, read from the payment module's registration
 * in medusa-config, so the callback route and jobs use exactly what the
 * provider uses (one source of truth, no second copy in plugin options).
 */
export function mpesaProviderOptions(container: MedusaContainer): ResolvedMpesaOptions & { providerId: string } {
  const config = container.resolve(ContainerRegistrationKeys.CONFIG_MODULE) as {
    modules?: Record<string, { options?: { providers?: ProviderConfig[] } } | boolean>
  }
  const payment = config.modules?.payment
  const providers = typeof payment === "object" ? payment.options?.providers ?? [] : []
  const entry = providers.find((p) => typeof p.resolve === "string" && /medusa-plugin-mpesa\/providers\/mpesa/.test(p.resolve))
  if (!entry) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, "M-Pesa is not configured on this store")
  }
  if (cached?.source === entry) {
    return cached.options
  }
  const options = { ...validateMpesaOptions(entry.options ?? {}, { nodeEnv: process.env.NODE_ENV }), providerId: `pp_mpesa_${entry.id ?? "mpesa"}` }
  cached = { source: entry, options }
  return options
}
