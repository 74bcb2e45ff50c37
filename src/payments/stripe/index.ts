import path from "node:path"
import { ModuleProvider, Modules } from "@medusajs/framework/utils"
import medusaStripe, { discoveryPath } from "@medusajs/medusa/payment-stripe"

/**
 * Medusa's own Stripe provider (`@medusajs/payment-stripe`), unchanged, plus
 * one option: `apiBaseUrl`, which points its Stripe client at another host
 * (the local `@soko/stripe-fake` in tests and dev). Medusa builds its client
 * with `new Stripe(options.apiKey)` and offers no host option, so when
 * `apiBaseUrl` is given the client is rebuilt with the same SDK version and
 * `{ host, port, protocol }`. Everything else — PaymentIntents, statuses,
 * webhook verification — is Medusa's code.
 */
export type SokoStripeOptions = {
  apiKey: string
  webhookSecret?: string
  capture?: boolean
  automaticPaymentMethods?: boolean
  /** e.g. http://127.0.0.1:12111 — never set in production. */
  apiBaseUrl?: string
  [key: string]: unknown
}

const MedusaStripeProviderService = medusaStripe.services.find(
  (s) => (s as unknown as { identifier?: string }).identifier === "stripe"
)
if (!MedusaStripeProviderService) {
  throw new Error("@medusajs/payment-stripe no longer exports a provider with identifier `stripe`")
}

/** The Stripe SDK the provider itself depends on (not whatever `stripe` the app resolves). */
function providerStripeSdk(): new (key: string, config: Record<string, unknown>) => unknown {
  const sdkPath = require.resolve("stripe", { paths: [path.dirname(discoveryPath)] })
  return require(sdkPath)
}

export function stripeClientConfig(apiBaseUrl: string): { host: string; port: string; protocol: "http" | "https" } {
  const url = new URL(apiBaseUrl)
  const protocol = url.protocol === "http:" ? "http" : "https"
  return { host: url.hostname, port: url.port || (protocol === "http" ? "80" : "443"), protocol }
}

class SokoStripeProviderService extends MedusaStripeProviderService {
  static identifier = "stripe"

  static validateOptions(options: SokoStripeOptions): void {
    ;(MedusaStripeProviderService as unknown as { validateOptions(o: unknown): void }).validateOptions(options)
    if (options.apiBaseUrl) {
      if (String(options.apiKey).startsWith("sk_live_") || String(options.apiKey).startsWith("rk_live_")) {
        throw new Error("Stripe option `apiBaseUrl` (STRIPE_API_BASE_URL) is for the local fake; refusing to send a live key to it")
      }
      stripeClientConfig(options.apiBaseUrl)
    }
  }

  constructor(cradle: Record<string, unknown>, options: SokoStripeOptions) {
    super(cradle, options)
    if (options.apiBaseUrl) {
      const Stripe = providerStripeSdk()
      this.stripe_ = new Stripe(options.apiKey, { ...stripeClientConfig(options.apiBaseUrl), maxNetworkRetries: 0 })
    }
  }
}

export default ModuleProvider(Modules.PAYMENT, { services: [SokoStripeProviderService] })
