import { orderLinkSecret, signOrderToken } from "@soko/medusa-plugin-mpesa/utils/order-token"
import { SokoConfigError } from "./env"

type Env = Record<string, string | undefined>
type ProviderEntry = { resolve: string; id: string; options: Record<string, unknown> }
type ModuleEntry = { resolve: string; options?: Record<string, unknown> }

const PLUGIN = "@soko/medusa-plugin-notifications"
const SMS_PROVIDERS = ["africastalking", "twilio"] as const

const value = (env: Env, name: string): string | undefined => {
  const v = env[name]?.trim()
  return v ? v : undefined
}

function required(env: Env, name: string, because: string): string {
  const v = value(env, name)
  if (!v) {
    throw new SokoConfigError(name, `must be set ${because}`)
  }
  return v
}

function emailProvider(env: Env): ProviderEntry | undefined {
  const apiKey = value(env, "SENDGRID_API_KEY")
  if (!apiKey) {
    return undefined
  }
  return {
    resolve: `${PLUGIN}/providers/sendgrid`,
    id: "sendgrid",
    options: {
      channels: ["email"],
      apiKey,
      from: required(env, "SENDGRID_FROM", "when SENDGRID_API_KEY is set (a sender address verified in SendGrid)"),
      fromName: value(env, "SENDGRID_FROM_NAME"),
      baseUrl: value(env, "SENDGRID_BASE_URL"),
    },
  }
}

function smsProvider(env: Env): ProviderEntry | undefined {
  const chosen =
    value(env, "SMS_PROVIDER")?.toLowerCase() ??
    (value(env, "SMS_AT_API_KEY") ? "africastalking" : value(env, "SMS_TWILIO_ACCOUNT_SID") ? "twilio" : undefined)
  if (!chosen) {
    return undefined
  }
  if (!(SMS_PROVIDERS as readonly string[]).includes(chosen)) {
    throw new SokoConfigError("SMS_PROVIDER", `must be ${SMS_PROVIDERS.join(" or ")} (got "${chosen}")`)
  }
  if (chosen === "africastalking") {
    const because = "when SMS_PROVIDER is africastalking"
    return {
      resolve: `${PLUGIN}/providers/africastalking`,
      id: "africastalking",
      options: {
        channels: ["sms"],
        username: required(env, "SMS_AT_USERNAME", because),
        apiKey: required(env, "SMS_AT_API_KEY", because),
        senderId: value(env, "SMS_AT_SENDER_ID"),
        baseUrl: value(env, "SMS_AT_BASE_URL"),
      },
    }
  }
  const because = "when SMS_PROVIDER is twilio"
  const from = value(env, "SMS_TWILIO_FROM")
  const messagingServiceSid = value(env, "SMS_TWILIO_MESSAGING_SERVICE_SID")
  if (!from && !messagingServiceSid) {
    throw new SokoConfigError("SMS_TWILIO_FROM", `(or SMS_TWILIO_MESSAGING_SERVICE_SID) must be set ${because}`)
  }
  return {
    resolve: `${PLUGIN}/providers/twilio`,
    id: "twilio",
    options: {
      channels: ["sms"],
      accountSid: required(env, "SMS_TWILIO_ACCOUNT_SID", because),
      authToken: required(env, "SMS_TWILIO_AUTH_TOKEN", because),
      from,
      messagingServiceSid,
      baseUrl: value(env, "SMS_TWILIO_BASE_URL"),
    },
  }
}

/**
 * Notification providers, one per channel: Medusa's local provider keeps the
 * admin "feed" (exports, imports); email goes through SendGrid when
 * SENDGRID_API_KEY is set; SMS through Africa's Talking or Twilio when their
 * keys are set. Any channel without a provider is captured locally and shown
 * in the admin's notification log instead of being sent (the embedded default).
 */
export function notificationModule(env: Env): ModuleEntry | undefined {
  const providers: ProviderEntry[] = [
    {
      resolve: "@medusajs/medusa/notification-local",
      id: "local",
      options: { name: "Local Notification Provider", channels: ["feed"] },
    },
  ]
  const captured: string[] = []
  const email = emailProvider(env)
  const sms = smsProvider(env)
  for (const [channel, provider] of [["email", email], ["sms", sms]] as const) {
    if (provider) {
      providers.push(provider)
    } else {
      captured.push(channel)
    }
  }
  if (captured.length) {
    providers.push({ resolve: `${PLUGIN}/providers/capture`, id: "capture", options: { channels: captured } })
  }
  return { resolve: "@medusajs/medusa/notification", options: { providers } }
}

/**
 * The notifications plugin's options from the environment. SOKO_NOTIFICATIONS_OPTIONS
 * (JSON) is merged last, for what has no variable of its own: template
 * overrides, branding, retry timing.
 */
export function notificationsPluginOptions(env: Env): Record<string, unknown> {
  const port = value(env, "PORT") ?? "9000"
  const storefrontPort = value(env, "SOKO_STOREFRONT_PORT") ?? "8000"
  let extra: Record<string, unknown> = {}
  const json = value(env, "SOKO_NOTIFICATIONS_OPTIONS")
  if (json) {
    try {
      extra = JSON.parse(json)
    } catch (error) {
      throw new SokoConfigError("SOKO_NOTIFICATIONS_OPTIONS", `is not valid JSON: ${(error as Error).message}`)
    }
    if (!extra || typeof extra !== "object" || Array.isArray(extra)) {
      throw new SokoConfigError("SOKO_NOTIFICATIONS_OPTIONS", "must be a JSON object")
    }
  }
  const base: Record<string, unknown> = {
    defaultLocale: value(env, "SOKO_STORE_LOCALE") ?? "en",
    storefrontUrl: value(env, "SOKO_STOREFRONT_URL") ?? `http://localhost:${storefrontPort}`,
    adminUrl: value(env, "MEDUSA_BACKEND_URL") ?? `http://localhost:${port}`,
    // Emails link to the storefront's order page with the order-link token, so a
    // guest can follow (and pay for) the order from any device; signed as the
    // M-Pesa plugin signs the links it hands out, with the same app secret.
    orderPath: "/:country/order/:id/confirmed?token=:token",
    orderLinkToken: orderLinkSigner(env),
    merchant: {
      email: value(env, "SOKO_MERCHANT_EMAIL") ?? value(env, "SOKO_ADMIN_EMAIL") ?? "admin@example.com",
      phone: value(env, "SOKO_MERCHANT_PHONE"),
    },
  }
  return { ...base, ...extra, merchant: { ...(base.merchant as object), ...((extra.merchant as object) ?? {}) } }
}

function orderLinkSigner(env: Env): (orderId: string) => string {
  const secret = orderLinkSecret({ cookieSecret: value(env, "COOKIE_SECRET"), jwtSecret: value(env, "JWT_SECRET") })
  return (orderId) => signOrderToken(secret, orderId)
}
