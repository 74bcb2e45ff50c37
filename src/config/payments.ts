type Env = Record<string, string | undefined>
type ModuleEntry = { resolve: string; options?: Record<string, unknown> }
type ProviderEntry = { resolve: string; id: string; options?: Record<string, unknown> }

/** The public test shortcode and passkey of Safaricom's sandbox (also the simulator's default). */
const SANDBOX = {
  shortcode: "174379",
  passkey: "bfb279f9aa9bdbcf158e97dd71a467cd2e0c893059b10f78e6b72ada1ed2c919",
}

/**
 * M-Pesa is registered when real Daraja credentials are set, or when the
 * launcher points MPESA_BASE_URL at the local simulator (which accepts any
 * credentials and the sandbox passkey). Options are validated by the provider
 * at start-up, with errors naming the option.
 */
export function mpesaProvider(env: Env): ProviderEntry | undefined {
  if (!env.MPESA_CONSUMER_KEY && !env.MPESA_BASE_URL) {
    return undefined
  }
  const simulator = !env.MPESA_CONSUMER_KEY
  const backendUrl = env.MEDUSA_BACKEND_URL || `http://localhost:${env.PORT || 9000}`
  return {
    resolve: "@soko/medusa-plugin-mpesa/providers/mpesa",
    id: "mpesa",
    options: {
      consumerKey: env.MPESA_CONSUMER_KEY || (simulator ? "soko-simulator" : undefined),
      consumerSecret: env.MPESA_CONSUMER_SECRET || (simulator ? "soko-simulator" : undefined),
      shortcode: env.MPESA_SHORTCODE || (simulator ? SANDBOX.shortcode : undefined),
      passkey: env.MPESA_PASSKEY || (simulator ? SANDBOX.passkey : undefined),
      transactionType: env.MPESA_TRANSACTION_TYPE || undefined,
      tillNumber: env.MPESA_TILL_NUMBER || undefined,
      environment: env.MPESA_ENVIRONMENT || undefined,
      baseUrl: env.MPESA_BASE_URL || undefined,
      callbackUrl: env.MPESA_CALLBACK_URL || backendUrl,
      callbackSecret: env.MPESA_CALLBACK_SECRET || undefined,
      accountReference: env.MPESA_ACCOUNT_REFERENCE || undefined,
      initiatorName: env.MPESA_INITIATOR_NAME || undefined,
      securityCredential: env.MPESA_SECURITY_CREDENTIAL || undefined,
      reconcileAfterSeconds: env.MPESA_RECONCILE_AFTER_SECONDS || undefined,
      maxPushesPerPhonePerHour: env.MPESA_MAX_PUSHES_PER_PHONE_PER_HOUR || undefined,
      maxPushesPerCartPerHour: env.MPESA_MAX_PUSHES_PER_CART_PER_HOUR || undefined,
      // One Daraja token for every server and worker when they share Redis.
      tokenCacheRedisUrl: env.REDIS_URL || undefined,
    },
  }
}

/**
 * Payment providers for the payment module. Medusa's system provider
 * (pp_system_default) is always there; the others only when configured.
 */
export function paymentModule(env: Env): ModuleEntry | undefined {
  const providers = [mpesaProvider(env)].filter((p): p is ProviderEntry => p !== undefined)
  if (!providers.length) {
    return undefined
  }
  return { resolve: "@medusajs/medusa/payment", options: { providers } }
}
