import { startStripeFake, StripeFake } from "@soko/stripe-fake"
import { paymentModule, stripeProvider } from "../../../config/payments"
import stripeModule from "../index"

const Service = stripeModule.services[0] as any

describe("stripeProvider(env)", () => {
  it("is absent without STRIPE_API_KEY", () => {
    expect(stripeProvider({ STRIPE_WEBHOOK_SECRET: "whsec_x" })).toBeUndefined()
    expect(paymentModule({})).toBeUndefined()
  })

  it("registers Medusa's Stripe provider as pp_stripe_stripe with camelCase options", () => {
    const entry = stripeProvider({
      STRIPE_API_KEY: "sk_test_1",
      STRIPE_WEBHOOK_SECRET: "whsec_1",
      STRIPE_CAPTURE: "true",
      STRIPE_AUTOMATIC_PAYMENT_METHODS: "1",
    })
    expect(entry).toEqual({
      resolve: "./src/payments/stripe",
      id: "stripe",
      options: { apiKey: "sk_test_1", webhookSecret: "whsec_1", capture: true, automaticPaymentMethods: true, apiBaseUrl: undefined },
    })
    expect(Service.identifier).toBe("stripe")
    expect(stripeProvider({ STRIPE_API_KEY: "sk_test_1" })!.options).toEqual(
      expect.objectContaining({ capture: false, automaticPaymentMethods: false })
    )
  })

  it("adds Stripe next to M-Pesa and lowers the webhook delay only when asked", () => {
    const both = paymentModule({ STRIPE_API_KEY: "sk_test_1", MPESA_BASE_URL: "http://127.0.0.1:1", PAYMENT_WEBHOOK_DELAY_MS: "50" })!
    expect((both.options!.providers as { id: string }[]).map((p) => p.id)).toEqual(["mpesa", "stripe"])
    expect(both.options!.webhook_delay).toBe(50)
    expect(paymentModule({ STRIPE_API_KEY: "sk_test_1" })!.options!.webhook_delay).toBeUndefined()
  })

  it("refuses to send a live key to a non-Stripe host", () => {
    expect(() => Service.validateOptions({ apiKey: "sk_live_x", apiBaseUrl: "http://127.0.0.1:1" })).toThrow(/live key/)
    expect(() => Service.validateOptions({ apiKey: "sk_test_x", webhookSecret: "w", apiBaseUrl: "http://127.0.0.1:1" })).not.toThrow()
  })
})

describe("the wrapped provider against the fake", () => {
  let fake: StripeFake
  beforeAll(async () => {
    fake = await startStripeFake({ delivery: "manual" })
  })
  afterAll(() => fake.stop())

  it("sends Medusa's own requests to apiBaseUrl", async () => {
    const provider = new Service({}, { apiKey: "sk_test_x", webhookSecret: "whsec_x", capture: false, apiBaseUrl: fake.url })
    const created = await provider.initiatePayment({
      amount: 25,
      currency_code: "usd",
      data: { session_id: "payses_unit" },
      context: { idempotency_key: "payses_unit" },
    })
    expect(created.status).toBe("pending")
    const pi = fake.paymentIntentForSession("payses_unit")!
    expect(pi).toEqual(expect.objectContaining({ id: created.id, amount: 2500, capture_method: "manual" }))
    expect(fake.requests({ path: /^\/v1\/payment_intents$/ })[0].idempotencyKey).toBe("payses_unit")
  })
})
