type Env = Record<string, string | undefined>
type ModuleEntry = { resolve: string; options?: Record<string, unknown> }

/**
 * Payment providers for the payment module. Medusa's system provider
 * (pp_system_default) is always there; providers added here are registered
 * only when their configuration is present.
 */
export function paymentModule(_env: Env): ModuleEntry | undefined {
  const providers: { resolve: string; id: string; options?: Record<string, unknown> }[] = []
  if (!providers.length) {
    return undefined
  }
  return { resolve: "@medusajs/medusa/payment", options: { providers } }
}
