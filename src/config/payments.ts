type Env = Record<string, string | undefined>
type ModuleEntry = { resolve: string; options?: Record<string, unknown> }
type ProviderEntry = { resolve: string; id: string; options?: Record<string, unknown> }

/** The public test shortcode and passkey of Safaricom's sandbox (also the simulator's default). */
const SANDBOX = {
  shortcode: "174379",
  passkey: "bfb279f9aa9bdbcf158e97dd71a467cd2e0c893059b10f78e6b72ada1ed2c919",
  /** The sandbox's B2C test shortcode. */
  b2cShortcode: "600996",
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
      // The simulator accepts any initiator; real Daraja needs both for refunds.
      initiatorName: env.MPESA_INITIATOR_NAME || (simulator ? "sokoapi" : undefined),
      securityCredential: env.MPESA_SECURITY_CREDENTIAL || (simulator ? "simulator-credential" : undefined),
      // Partial refunds are paid by B2C from their own shortcode; the simulator funds 600996.
      b2cShortcode: env.MPESA_B2C_SHORTCODE || (simulator ? SANDBOX.b2cShortcode : undefined),
      b2cInitiatorName: env.MPESA_B2C_INITIATOR_NAME || undefined,
      b2cSecurityCredential: env.MPESA_B2C_SECURITY_CREDENTIAL || undefined,
      reconcileAfterSeconds: env.MPESA_RECONCILE_AFTER_SECONDS || undefined,
      reconcileMaxAgeHours: env.MPESA_RECONCILE_MAX_AGE_HOURS || undefined,
      callbackLogRetentionDays: env.MPESA_CALLBACK_LOG_RETENTION_DAYS || undefined,
      pushAttemptRetentionDays: env.MPESA_PUSH_ATTEMPT_RETENTION_DAYS || undefined,
      requestTimeoutMs: env.MPESA_REQUEST_TIMEOUT_MS || undefined,
      maxPushesPerPhonePerHour: env.MPESA_MAX_PUSHES_PER_PHONE_PER_HOUR || undefined,
      maxPushesPerCartPerHour: env.MPESA_MAX_PUSHES_PER_CART_PER_HOUR || undefined,
      maxPushesPerClientPerHour: env.MPESA_MAX_PUSHES_PER_CLIENT_PER_HOUR || undefined,
      // Paybill/till payments without a prompt (C2B): on when MPESA_C2B_SHORTCODE is set.
      c2bShortcode: env.MPESA_C2B_SHORTCODE || undefined,
      c2bType: env.MPESA_C2B_TYPE || undefined,
      c2bAccountFormat: env.MPESA_C2B_ACCOUNT_FORMAT || undefined,
      c2bValidation: env.MPESA_C2B_VALIDATION || undefined,
      c2bPullTransactions: env.MPESA_C2B_PULL_TRANSACTIONS || undefined,
      c2bPullNominatedNumber: env.MPESA_C2B_PULL_NOMINATED_NUMBER || undefined,
      c2bPullWindowHours: env.MPESA_C2B_PULL_WINDOW_HOURS || undefined,
      c2bTillWindowMinutes: env.MPESA_C2B_TILL_WINDOW_MINUTES || undefined,
      c2bMerchantName: env.MPESA_C2B_MERCHANT_NAME || undefined,
      // One Daraja token for every server and worker when they share Redis.
      tokenCacheRedisUrl: env.REDIS_URL || undefined,
    },
  }
}

function flag(value: string | undefined): boolean {
  return /^(1|true|yes|on)$/i.test((value ?? "").trim())
}

/**
 * Cards for the International region: Medusa's own Stripe provider
 * (`@medusajs/payment-stripe`), registered when STRIPE_API_KEY is set, through
 * a thin wrapper (src/payments/stripe) whose only addition is pointing the
 * Stripe client at STRIPE_API_BASE_URL (the local fake) when that is set.
 * Identifier `stripe` + id `stripe` = provider `pp_stripe_stripe`, webhook
 * `POST /hooks/payment/stripe_stripe`.
 */
export function stripeProvider(env: Env): ProviderEntry | undefined {
  if (!env.STRIPE_API_KEY) {
    return undefined
  }
  return {
    resolve: "./src/payments/stripe",
    id: "stripe",
    options: {
      apiKey: env.STRIPE_API_KEY,
      webhookSecret: env.STRIPE_WEBHOOK_SECRET || undefined,
      // true: charge on confirmation; false (default): authorize, capture from the admin.
      capture: flag(env.STRIPE_CAPTURE),
      automaticPaymentMethods: flag(env.STRIPE_AUTOMATIC_PAYMENT_METHODS),
      apiBaseUrl: env.STRIPE_API_BASE_URL || undefined,
    },
  }
}

/**
 * Payment providers for the payment module. Medusa's system provider
 * (pp_system_default) is always there; the others only when configured.
 * PAYMENT_WEBHOOK_DELAY_MS overrides Medusa's 5 s delay before a webhook is
 * processed (tests lower it).
 */
export function paymentModule(env: Env): ModuleEntry | undefined {
  const providers = [mpesaProvider(env), stripeProvider(env)].filter((p): p is ProviderEntry => p !== undefined)
  if (!providers.length) {
    return undefined
  }
  const webhookDelay = Number(env.PAYMENT_WEBHOOK_DELAY_MS)
  return {
    resolve: "@medusajs/medusa/payment",
    options: {
      providers,
      ...(env.PAYMENT_WEBHOOK_DELAY_MS && Number.isFinite(webhookDelay) && webhookDelay > 0
        ? { webhook_delay: webhookDelay }
        : {}),
    },
  }
}
