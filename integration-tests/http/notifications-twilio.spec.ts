import { appIntegrationTestRunner } from "../helpers/app-test-runner"
import { SendgridNotificationService } from "../../plugins/notifications/src/providers/sendgrid"
import { resolveOptions } from "../../plugins/notifications/src/modules/notifications/options"
import { notificationModule, notificationsPluginOptions } from "../../src/config/notifications"
import {
  placeOrder,
  settled,
  TWILIO_SID,
  useProviderFakes,
} from "../helpers/notifications"
import { runSeed } from "../../src/scripts/seed/run-seed"

jest.setTimeout(180_000)

const fakes = useProviderFakes({ sms: "twilio" }, { SOKO_STORE_LOCALE: "sw", SOKO_MERCHANT_PHONE: "+254700000002" })

describe("configuration from the environment (read when the app starts)", () => {
  const providers = (env: Record<string, string>) =>
    (notificationModule(env)!.options!.providers as { id: string; options: { channels: string[] } }[]).map(
      (p) => `${p.id}:${p.options.channels.join("+")}`
    )

  it.each([
    [{}, ["local:feed", "capture:email+sms"]],
    [{ SENDGRID_API_KEY: "SG.x", SENDGRID_FROM: "shop@example.com" }, ["local:feed", "sendgrid:email", "capture:sms"]],
    [{ SMS_AT_USERNAME: "soko", SMS_AT_API_KEY: "k" }, ["local:feed", "africastalking:sms", "capture:email"]],
    [{ SMS_PROVIDER: "twilio", SMS_TWILIO_ACCOUNT_SID: TWILIO_SID, SMS_TWILIO_AUTH_TOKEN: "t", SMS_TWILIO_FROM: "+15005550006" }, ["local:feed", "capture:email", "twilio:sms"]],
  ])("%j registers %j", (env, expected) => {
    expect(providers(env).sort()).toEqual([...expected].sort())
  })

  it.each([
    [{ SENDGRID_API_KEY: "SG.x" }, /SENDGRID_FROM: must be set when SENDGRID_API_KEY is set/],
    [{ SMS_PROVIDER: "smsgate" }, /SMS_PROVIDER: must be africastalking or twilio/],
    [{ SMS_PROVIDER: "africastalking", SMS_AT_API_KEY: "k" }, /SMS_AT_USERNAME: must be set when SMS_PROVIDER is africastalking/],
    [{ SMS_PROVIDER: "twilio", SMS_TWILIO_ACCOUNT_SID: TWILIO_SID, SMS_TWILIO_AUTH_TOKEN: "t" }, /SMS_TWILIO_FROM: \(or SMS_TWILIO_MESSAGING_SERVICE_SID\) must be set/],
    [{ SOKO_NOTIFICATIONS_OPTIONS: "{oops" }, /SOKO_NOTIFICATIONS_OPTIONS: is not valid JSON/],
  ])("%j fails at start-up naming the variable", (env, message) => {
    expect(() => {
      notificationModule(env)
      notificationsPluginOptions(env)
    }).toThrow(message)
  })

  it("bad provider or plugin options fail at start-up with the option named", () => {
    expect(() => SendgridNotificationService.validateOptions({ apiKey: "not-a-key", from: "shop@example.com" })).toThrow(
      /SendGrid provider: Option `apiKey` must be a SendGrid API key/
    )
    const options = notificationsPluginOptions({
      SOKO_NOTIFICATIONS_OPTIONS: JSON.stringify({ templates: { "order-placed": { sw: { sms: "Habari {{jina}}" } } } }),
    })
    expect(() => resolveOptions(options)).toThrow(/Option `templates.order-placed.sw.sms`: line 1, column 8: unknown variable \{\{jina\}\}/)
  })

  it("plugin options: store locale, merchant contacts, links", () => {
    expect(
      notificationsPluginOptions({ SOKO_STORE_LOCALE: "sw", SOKO_MERCHANT_PHONE: "0700000001", PORT: "9200", SOKO_STOREFRONT_URL: "https://shop.example.com" })
    ).toEqual(
      expect.objectContaining({
        defaultLocale: "sw",
        storefrontUrl: "https://shop.example.com",
        adminUrl: "http://localhost:9200",
        merchant: { email: "admin@example.com", phone: "0700000001" },
      })
    )
  })
})

appIntegrationTestRunner({
  inApp: true,
  env: {},
  testSuite: ({ api, getContainer }) => {
    describe("Twilio for SMS, email captured, Swahili store", () => {
      it("texts the customer and the merchant through Twilio, in the store's default language", async () => {
        const container = getContainer()
        const { order } = await placeOrder(api, container)
        const messages = await settled(container, { order_id: order.id }, 4)
        expect(messages.map((m) => `${m.template}:${m.channel}:${m.locale}:${m.status}`).sort()).toEqual([
          "merchant-new-order:email:sw:sent",
          "merchant-new-order:sms:sw:sent",
          "order-placed:email:sw:sent",
          "order-placed:sms:sw:sent",
        ])
        const texts = fakes.twilio!.messages().filter((m) => m.to !== "+254708374149")
        expect(texts.map((t) => t.to).sort()).toEqual(["+254700000002", "+254712345678"])
        const customer = texts.find((t) => t.to === "+254712345678")!
        expect(customer).toEqual(expect.objectContaining({ from: "+15005550006", accountSid: TWILIO_SID, numSegments: 1 }))
        expect(customer.body).toMatch(/^Soko Demo Shop: Asante Achieng! Agizo #\d+ \(KES [\d,]+\) limepokelewa\./)
        const sms = messages.find((m) => m.template === "order-placed" && m.channel === "sms")!
        expect(sms).toEqual(expect.objectContaining({ status: "sent" }))
        const merchant = texts.find((t) => t.to === "+254700000002")!
        expect(merchant.body).toMatch(/^Agizo jipya #\d+: KES [\d,]+, bidhaa 1 kutoka kwa Achieng Otieno \+254712345678\.$/)
      })

      it("a Twilio outage is retried until it recovers", async () => {
        const container = getContainer()
        await runSeed(container)
        await settled(container, { template: "welcome" }, 2)
        fakes.twilio!.reset()
        fakes.twilio!.failNext(1, { kind: "status", status: 429 })
        fakes.twilio!.failNext(1, { kind: "status", status: 500 })
        const { order } = await placeOrder(api, container)
        const sms = await settled(container, { order_id: order.id, channel: "sms" }, 2)
        expect(sms.every((m) => m.status === "sent")).toBe(true)
        expect(sms.reduce((n, m) => n + m.attempts, 0)).toBe(4)
        expect(fakes.twilio!.messages()).toHaveLength(2)
      }, 240_000)
    })
  },
})
