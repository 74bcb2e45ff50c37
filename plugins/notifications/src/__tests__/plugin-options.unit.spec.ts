import { resolveOptions } from "../modules/notifications/options"

describe("plugin options", () => {
  it("has working defaults", () => {
    const options = resolveOptions(undefined)
    expect(options).toEqual(
      expect.objectContaining({
        defaultLocale: "en",
        branding: { primaryColor: "#0f766e" },
        merchant: {},
        disabled: [],
        retry: { maxAttempts: 5, initialDelayMs: 2000, maxDelayMs: 300000, jitter: true, leaseMs: 60000 },
        smsTransliterate: true,
        maxItemsInEmail: 50,
        defaultCountryCode: "254",
        orderPath: "/account/orders/details/:id",
        resetPasswordPath: "/reset-password",
        templates: {},
      })
    )
    expect(options.isDisabled("welcome", "sms")).toBe(false)
  })

  it("reads env-style strings", () => {
    const options = resolveOptions({ defaultLocale: "sw", retry: { maxAttempts: "3", initialDelayMs: "50" }, storefrontUrl: "https://shop.example.com/" })
    expect(options.defaultLocale).toBe("sw")
    expect(options.retry).toEqual(expect.objectContaining({ maxAttempts: 3, initialDelayMs: 50 }))
    expect(options.storefrontUrl).toBe("https://shop.example.com")
  })

  it("disables templates or single channels", () => {
    const options = resolveOptions({ disabled: ["welcome:sms", "order-delivered"] })
    expect(options.isDisabled("welcome", "sms")).toBe(true)
    expect(options.isDisabled("welcome", "email")).toBe(false)
    expect(options.isDisabled("order-delivered", "email")).toBe(true)
  })

  it.each([
    [{ defaultLocale: "fr" }, /Option `defaultLocale` must be one of en, sw/],
    [{ branding: { primaryColor: "teal" } }, /Option `branding.primaryColor` must be a hex colour/],
    [{ branding: { logoUrl: "logo.png" } }, /Option `branding.logoUrl` must be an absolute http\(s\) URL/],
    [{ merchant: { email: "nope" } }, /Option `merchant.email` must be an email address/],
    [{ merchant: { phone: "123" } }, /Option `merchant.phone` must be a phone number/],
    [{ disabled: ["welcom"] }, /Option `disabled` entries must be a template id/],
    [{ retry: { maxAttempts: 0 } }, /Option `retry.maxAttempts` must be a whole number from 1 to 20/],
    [{ retry: { initialDelayMs: 5000, maxDelayMs: 10 } }, /Option `retry.maxDelayMs` must not be smaller/],
    [{ orderPath: "orders/:id" }, /Option `orderPath` must start with \//],
    [{ orderPath: "/o/:id?token=:token" }, /Option `orderPath` uses :token, so Option `orderLinkToken` must be given/],
    [{ orderLinkToken: "secret" }, /Option `orderLinkToken` must be a function/],
    [{ templates: { "order-placed": { en: { sms: "Hi {{nme}}" } } } }, /Option `templates.order-placed.en.sms`: line 1, column 4: unknown variable \{\{nme\}\}/],
    [{ templates: { "order-placed": { sw: { html: "<p>{{order_number}}" } } } }, /Option `templates.order-placed.sw.html`: .*broken markup: <p> is never closed/],
    ["nope", /options must be an object/],
  ])("rejects %j at start-up, naming the option", (raw, message) => {
    expect(() => resolveOptions(raw)).toThrow(message)
  })

  it("lists every problem at once", () => {
    expect(() => resolveOptions({ defaultLocale: "fr", retry: { maxAttempts: 99 }, templates: { welcome: { xx: {} } } })).toThrow(
      /defaultLocale.*; .*retry.maxAttempts.*; .*templates.welcome.xx.*unknown locale/
    )
  })
})
