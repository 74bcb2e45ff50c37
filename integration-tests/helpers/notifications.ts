/**
 * Shared by the app's notifications HTTP specs (integration-tests/http/notifications-*.spec.ts):
 * fakes wired through the same env variables production uses, a store-API
 * order, and readers for the notification log.
 */
import type { MedusaContainer } from "@medusajs/framework/types"
import {
  AfricasTalkingFake,
  AfricasTalkingFakeOptions,
  SendgridFake,
  startAfricasTalkingFake,
  startSendgridFake,
  startTwilioFake,
  TwilioFake,
} from "@soko/provider-fakes"
import { runSeed } from "../../src/scripts/seed/run-seed"
import { KENYAN_ADDRESS } from "./store-checkout"

export type Api = {
  get: (url: string, config?: unknown) => Promise<{ status: number; data: any }>
  post: (url: string, body?: unknown, config?: unknown) => Promise<{ status: number; data: any }>
  delete: (url: string, config?: unknown) => Promise<{ status: number; data: any }>
}

export const TWILIO_SID = "AC" + "5".repeat(32)

export type Fakes = { sendgrid?: SendgridFake; at?: AfricasTalkingFake; twilio?: TwilioFake }

/**
 * Starts the fakes in a top-level beforeAll, which jest runs before the test
 * runner's own beforeAll loads medusa-config.ts, and points the provider env
 * variables at them. `extraEnv` is applied too (and restored afterwards).
 */
export function useProviderFakes(
  kind: { email?: "sendgrid"; sms?: "africastalking" | "twilio"; atOptions?: AfricasTalkingFakeOptions },
  extraEnv: Record<string, string> = {}
): Fakes {
  const fakes: Fakes = {}
  const previous = new Map<string, string | undefined>()
  const set = (values: Record<string, string>) => {
    for (const [key, value] of Object.entries(values)) {
      previous.set(key, process.env[key])
      process.env[key] = value
    }
  }
  beforeAll(async () => {
    const env: Record<string, string> = { ...extraEnv }
    if (kind.email === "sendgrid") {
      fakes.sendgrid = await startSendgridFake({ apiKeys: ["SG.test-key"] })
      Object.assign(env, {
        SENDGRID_API_KEY: "SG.test-key",
        SENDGRID_FROM: "shop@soko.test",
        SENDGRID_BASE_URL: fakes.sendgrid.url,
      })
    }
    if (kind.sms === "africastalking") {
      fakes.at = await startAfricasTalkingFake({ credentials: { soko: "atsk_test" }, senderIds: ["SOKO"], ...kind.atOptions })
      Object.assign(env, {
        SMS_PROVIDER: "africastalking",
        SMS_AT_USERNAME: "soko",
        SMS_AT_API_KEY: "atsk_test",
        SMS_AT_SENDER_ID: "SOKO",
        SMS_AT_BASE_URL: fakes.at.url,
      })
    }
    if (kind.sms === "twilio") {
      fakes.twilio = await startTwilioFake({ credentials: { [TWILIO_SID]: "token" }, fromNumbers: ["+15005550006"] })
      Object.assign(env, {
        SMS_PROVIDER: "twilio",
        SMS_TWILIO_ACCOUNT_SID: TWILIO_SID,
        SMS_TWILIO_AUTH_TOKEN: "token",
        SMS_TWILIO_FROM: "+15005550006",
        SMS_TWILIO_BASE_URL: fakes.twilio.url,
      })
    }
    set(env)
  })
  afterAll(async () => {
    for (const [key, value] of previous) {
      if (value === undefined) {
        delete process.env[key]
      } else {
        process.env[key] = value
      }
    }
    await Promise.all([fakes.sendgrid?.stop(), fakes.at?.stop(), fakes.twilio?.stop()])
  })
  return fakes
}

export async function eventually<T>(fn: () => Promise<T>, { timeoutMs = 15_000, intervalMs = 100 } = {}): Promise<T> {
  const started = Date.now()
  let last: unknown
  while (Date.now() - started < timeoutMs) {
    try {
      return await fn()
    } catch (error) {
      last = error
      await new Promise((r) => setTimeout(r, intervalMs))
    }
  }
  throw last
}

export type LoggedMessage = {
  id: string
  idempotency_key: string
  trigger: string
  event_name: string
  template: string
  channel: string
  locale: string
  audience: string
  to: string
  order_id: string | null
  status: string
  attempts: number
  last_error: string | null
  subject: string | null
  body_text: string | null
  body_html: string | null
  data: Record<string, unknown> | null
  meta: Record<string, unknown> | null
  event_at: Date | null
  sent_at: Date | null
  created_at: Date
}

/** The notification log, read through the plugin's module. */
export async function logged(container: MedusaContainer, filters: Record<string, unknown> = {}): Promise<LoggedMessage[]> {
  const service = container.resolve("sokoNotifications") as {
    listNotificationMessages: (f: unknown, c: unknown) => Promise<LoggedMessage[]>
  }
  return service.listNotificationMessages(filters, { order: { created_at: "ASC" }, take: 500 })
}

/** Waits until the log has `count` messages matching `filters` in a final state. */
export async function settled(
  container: MedusaContainer,
  filters: Record<string, unknown>,
  count: number,
  timeoutMs = 20_000
): Promise<LoggedMessage[]> {
  return eventually(
    async () => {
      const rows = await logged(container, filters)
      const final = rows.filter((r) => ["sent", "failed", "skipped"].includes(r.status))
      if (final.length < count) {
        throw new Error(
          `expected ${count} settled messages for ${JSON.stringify(filters)}, have ${JSON.stringify(rows.map((r) => [r.template, r.channel, r.status, r.last_error]))}`
        )
      }
      return final
    },
    { timeoutMs }
  )
}

export { KENYAN_ADDRESS }

/** The seed's demo customer (an account, so the seed triggers its welcome messages). */
export const DEMO_PHONE = "+254708374149"

/**
 * Seeds the shop and waits for the demo customer's welcome email and SMS, so
 * a test that then injects provider faults knows which messages meet them.
 */
export async function seedAndSettle(container: MedusaContainer) {
  const result = await runSeed(container)
  await settled(container, { template: "welcome" }, 2)
  return result
}

export type OrderInput = {
  email?: string
  phone?: string | null
  first_name?: string
  locale?: string
  quantity?: number
  /** How many different products to buy. */
  lines?: number
  metadata?: Record<string, unknown>
}

/** Seeds the shop (idempotent) and places an order through the store API with the system payment provider. */
export async function placeOrder(api: Api, container: MedusaContainer, input: OrderInput = {}) {
  const { publishableKey } = await runSeed(container)
  const store = { headers: { "x-publishable-api-key": publishableKey } }
  const { data: regions } = await api.get("/store/regions", store)
  const kenya = regions.regions.find((r: { currency_code: string }) => r.currency_code === "kes")
  const { data: products } = await api.get(`/store/products?region_id=${kenya.id}&limit=50`, store)
  const { data: cart } = await api.post(
    "/store/carts",
    {
      region_id: kenya.id,
      email: input.email ?? "achieng@example.com",
      ...(input.locale ? { locale: input.locale } : {}),
      ...(input.metadata ? { metadata: input.metadata } : {}),
    },
    store
  )
  const cartId = cart.cart.id
  for (const product of products.products.slice(0, input.lines ?? 1)) {
    await api.post(`/store/carts/${cartId}/line-items`, { variant_id: product.variants[0].id, quantity: input.quantity ?? 1 }, store)
  }
  const address = {
    ...KENYAN_ADDRESS,
    first_name: input.first_name ?? KENYAN_ADDRESS.first_name,
    phone: input.phone === null ? "" : (input.phone ?? KENYAN_ADDRESS.phone),
  }
  await api.post(`/store/carts/${cartId}`, { shipping_address: address, billing_address: address }, store)
  const { data: options } = await api.get(`/store/shipping-options?cart_id=${cartId}`, store)
  await api.post(`/store/carts/${cartId}/shipping-methods`, { option_id: options.shipping_options[0].id }, store)
  const { data: pc } = await api.post("/store/payment-collections", { cart_id: cartId }, store)
  await api.post(`/store/payment-collections/${pc.payment_collection.id}/payment-sessions`, { provider_id: "pp_system_default" }, store)
  const { data: completed } = await api.post(`/store/carts/${cartId}/complete`, {}, store)
  if (completed.type !== "order") {
    throw new Error(`cart did not complete: ${JSON.stringify(completed.error ?? completed)}`)
  }
  return { order: completed.order as { id: string; display_id: number; total: number; items: { id: string; quantity: number }[] }, store }
}

/** Medusa's own notification rows (one per delivery attempt). */
export async function medusaNotifications(container: MedusaContainer, filters: Record<string, unknown> = {}) {
  const service = container.resolve("notification") as unknown as {
    listNotifications: (f: unknown, c?: unknown) => Promise<{ id: string; template: string; channel: string; to: string; status: string; idempotency_key: string }[]>
  }
  return service.listNotifications(filters, { take: 500 })
}
