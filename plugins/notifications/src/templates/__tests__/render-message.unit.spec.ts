import { smsLength } from "../../utils/sms-length"
import { LOCALES, TEMPLATE_IDS, TEMPLATES, TemplateId } from "../catalog"
import { checkOverrides } from "../overrides"
import { Branding, renderMessage, RenderedEmail, RenderedSms } from "../render-message"
import { SAMPLE_DATA } from "../sample-data"
import { defaultSources } from "../sources"

const BRANDING: Branding = {
  storeName: "Soko Demo Shop",
  storeUrl: "https://shop.example.com",
  primaryColor: "#0f766e",
  supportPhone: "0700 000 000",
  supportEmail: "help@example.com",
}

const email = (template: TemplateId, locale: "en" | "sw", data = SAMPLE_DATA[template]) =>
  renderMessage({ template, locale, channel: "email", data, branding: BRANDING }) as RenderedEmail
const sms = (template: TemplateId, locale: "en" | "sw", data = SAMPLE_DATA[template], overrides = {}) =>
  renderMessage({ template, locale, channel: "sms", data, branding: BRANDING, overrides: [overrides] }) as RenderedSms

const PAID_VARS = { mpesa_paybill: "", mpesa_till: "", mpesa_account: "" }
const TILL_VARS = { mpesa_paybill: "", mpesa_till: "5123456", mpesa_account: "" }
const PAID = { ...SAMPLE_DATA["order-placed"], ...PAID_VARS }
const TILL = { ...SAMPLE_DATA["order-placed"], ...TILL_VARS }

const CASES = LOCALES.flatMap((locale) => TEMPLATE_IDS.map((id) => [id, locale] as const))
const SMS_CASES = CASES.filter(([id]) => TEMPLATES[id].channels.includes("sms"))

describe("built-in templates", () => {
  it.each(CASES)("%s (%s) sources pass the same checks as overrides", (id, locale) => {
    const sources = defaultSources(id, locale)
    const parts = TEMPLATES[id].channels.includes("sms") ? sources : { ...sources, sms: undefined }
    const defined = Object.fromEntries(Object.entries(parts).filter(([, v]) => v !== undefined))
    expect(checkOverrides({ [id]: { [locale]: defined } })).toEqual([])
  })

  it.each(CASES)("%s (%s) email has subject, responsive HTML and plain text", (id, locale) => {
    const message = email(id, locale)
    expect(message.subject.length).toBeGreaterThan(5)
    expect(message.subject).not.toMatch(/\{\{|\n/)
    expect(message.html).toMatch(/^<!DOCTYPE html>/)
    expect(message.html).toContain(`<html lang="${locale}">`)
    expect(message.html).toContain('name="viewport"')
    expect(message.html).toContain("@media only screen and (max-width: 620px)")
    expect(message.html).toContain("Soko Demo Shop")
    expect(message.html).toContain("#0f766e")
    expect(message.html).not.toMatch(/\{\{|\}\}/)
    expect(message.text).not.toMatch(/<[a-z]|\{\{/i)
    expect(message.text).not.toMatch(/\n{3,}/)
    expect(message.warnings).toEqual([])
  })

  it.each(SMS_CASES)("%s (%s) SMS fits one GSM-7 part with typical data", (id, locale) => {
    const message = sms(id, locale)
    expect(message).toEqual(expect.objectContaining({ encoding: "GSM-7", parts: 1, warnings: [] }))
    expect(message.units).toBeLessThanOrEqual(160)
    expect(message.text).not.toMatch(/\{\{|\s{2}/)
  })
})

describe("what the messages say", () => {
  it("order placed (en): items, totals, address and link", () => {
    const { subject, html, text } = email("order-placed", "en")
    expect(subject).toBe("Order #1042 confirmed")
    expect(text).toContain("Thank you for your order, Wanjiku!")
    expect(text).toContain("- 2 x Kenya AA Coffee (500 g): KES 2,900")
    expect(text).toContain("Total: KES 3,350\nVAT included: KES 462")
    expect(text).toContain("Delivering to: Tom Mboya Street 5, Nairobi (Countrywide courier)")
    expect(text).toContain("View your order: https://shop.example.com/account/orders/details/order_01")
    expect(html).toContain('href="https://shop.example.com/account/orders/details/order_01"')
  })

  it("order placed (sw) is in Swahili", () => {
    expect(email("order-placed", "sw").subject).toBe("Agizo #1042 limethibitishwa")
    expect(sms("order-placed", "sw", PAID).text).toBe(
      "Soko Demo Shop: Asante Wanjiku! Agizo #1042 (KES 3,350) limepokelewa. Tutakutumia ujumbe likisafirishwa."
    )
  })

  describe("an unpaid order says how to pay by paybill or till, in one SMS part", () => {
    it.each([
      ["en", SAMPLE_DATA["order-placed"], "Soko Demo Shop: Thank you Wanjiku! Order #1042 (KES 3,350) is confirmed. Not paid yet? M-Pesa Paybill 600984, account 1042."],
      ["en", TILL, "Soko Demo Shop: Thank you Wanjiku! Order #1042 (KES 3,350) is confirmed. Not paid yet? M-Pesa Buy Goods till 5123456."],
      ["en", PAID, "Soko Demo Shop: Thank you Wanjiku! Order #1042 (KES 3,350) is confirmed. We will text you when it ships."],
      ["sw", SAMPLE_DATA["order-placed"], "Soko Demo Shop: Asante Wanjiku! Agizo #1042 (KES 3,350) limepokelewa. Bado hujalipa? M-Pesa Paybill 600984, akaunti 1042."],
      ["sw", TILL, "Soko Demo Shop: Asante Wanjiku! Agizo #1042 (KES 3,350) limepokelewa. Bado hujalipa? M-Pesa Buy Goods till 5123456."],
    ] as const)("SMS (%s) %#", (locale, data, text) => {
      const message = sms("order-placed", locale, data)
      expect(message.text).toBe(text)
      expect(message.parts).toBe(1)
    })

    it.each(["order-placed", "payment-failed"] as const)("%s email: paybill, till, or nothing once paid", (template) => {
      const unpaid = email(template, "en")
      expect(unpaid.text).toContain("Not paid yet? Pay with M-Pesa: Lipa na M-Pesa, Paybill, business number 600984, account 1042, amount KES 3,350.")
      expect(unpaid.html).toContain("business number <strong>600984</strong>, account <strong>1042</strong>")
      expect(email(template, "en", { ...SAMPLE_DATA[template], ...TILL_VARS }).text).toContain("Buy Goods, till number 5123456, amount KES 3,350.")
      expect(email(template, "sw", { ...SAMPLE_DATA[template], ...PAID_VARS }).text).not.toMatch(/Paybill|Buy Goods|hujalipa/)
    })
  })

  it("payment received shows the M-Pesa receipt when there is one", () => {
    expect(sms("payment-received", "en").text).toBe(
      "Soko Demo Shop: Payment of KES 3,350 received for order #1042. M-Pesa receipt SKL4ABC7XY. Thank you!"
    )
    const noReceipt = sms("payment-received", "en", { ...SAMPLE_DATA["payment-received"], mpesa_receipt: "" })
    expect(noReceipt.text).not.toContain("receipt")
    expect(email("payment-received", "sw").text).toContain("Risiti ya M-Pesa: SKL4ABC7XY")
  })

  it("payment failed says why and how to retry", () => {
    const { text } = email("payment-failed", "en")
    expect(text).toContain("The M-Pesa request was cancelled")
    expect(text).toContain("Pay again: https://shop.example.com/account/orders/details/order_01")
    expect(text).toMatch(/enter your M-Pesa PIN/)
  })

  it("password reset links to the reset page and omits the button without a URL", () => {
    expect(email("password-reset", "en").text).toContain("https://shop.example.com/reset-password?token=abc")
    const noUrl = email("password-reset", "en", { ...SAMPLE_DATA["password-reset"], reset_url: "" })
    expect(noUrl.html).not.toContain('class="button"')
  })

  it("escapes customer-supplied values in HTML but not in text", () => {
    const data = { ...SAMPLE_DATA["order-placed"], customer_first_name: "<script>x</script>" }
    const message = email("order-placed", "en", data)
    expect(message.html).toContain("&lt;script&gt;x&lt;/script&gt;")
    expect(message.html).not.toContain("<script>")
    expect(message.text).toContain("<script>x</script>")
  })
})

describe("edge data", () => {
  const long = "Nyambura Wairimu Njeri-Kariuki Wambui Mwangi wa Kinyanjui Gathoni"

  it("a very long name is cut so the SMS stays one part", () => {
    const data = { ...SAMPLE_DATA["order-placed"], customer_first_name: long, customer_name: long }
    const message = sms("order-placed", "en", data)
    expect(message.parts).toBe(1)
    expect(message.text).toContain("Nyambura Wairimu Njer...")
    expect(email("order-placed", "en", data).text).toContain(long)
  })

  it("non-GSM letters are transliterated rather than forcing UCS-2", () => {
    const data = { ...SAMPLE_DATA["order-placed"], customer_first_name: "Zoë “Łucja”" }
    const message = sms("order-placed", "en", data)
    expect(message.encoding).toBe("GSM-7")
    expect(message.text).toContain('Zoe "Lucja"')
  })

  it("emoji keep the message UCS-2 and are reported when it needs several parts", () => {
    const data = { ...SAMPLE_DATA["order-placed"], customer_first_name: "Amani 😀" }
    const message = sms("order-placed", "en", data)
    expect(message.encoding).toBe("UCS-2")
    expect(message.text).toContain("Amani")
    expect(message.parts).toBe(smsLength(message.text).parts)
  })

  it("many line items all appear in the email, with a count for the rest", () => {
    const items = Array.from({ length: 40 }, (_, i) => ({
      title: `Item ${i + 1}`,
      variant: "",
      quantity: 1,
      unit_price: "KES 10",
      total: "KES 10",
    }))
    const data = { ...SAMPLE_DATA["order-placed"], items, more_items: "" }
    const message = email("order-placed", "en", data)
    expect(message.text).toContain("- 1 x Item 40: KES 10")
    expect((message.html.match(/<tr>/g) ?? []).length).toBeGreaterThan(40)
    const capped = email("order-placed", "en", { ...data, items: items.slice(0, 3), more_items: "37" })
    expect(capped.text).toContain("- and 37 more")
  })

  it("no phone, no name, no address still renders cleanly", () => {
    const data = {
      ...SAMPLE_DATA["merchant-new-order"],
      customer_phone: "",
      customer_name: "",
      customer_first_name: "",
      shipping_address: "",
    }
    const message = email("merchant-new-order", "en", data)
    expect(message.text).not.toContain("Delivering to")
    expect(message.text).toContain("(wanjiku@example.com)")
    expect(sms("merchant-new-order", "en", data).text).toBe("New order #1042: KES 3,350, 2 item(s) from .")
  })
})

describe("overrides", () => {
  it("an override replaces one part and keeps the rest", () => {
    const message = sms("order-placed", "sw", SAMPLE_DATA["order-placed"], {
      "order-placed": { sw: { sms: "Habari {{customer_first_name}}, agizo #{{order_number}} limefika kwetu." } },
    })
    expect(message.text).toBe("Habari Wanjiku, agizo #1042 limefika kwetu.")
  })

  it("the first layer that defines a part wins", () => {
    const message = renderMessage({
      template: "order-placed",
      locale: "en",
      channel: "email",
      data: SAMPLE_DATA["order-placed"],
      branding: BRANDING,
      overrides: [
        { "order-placed": { en: { subject: "Admin: #{{order_number}}" } } },
        { "order-placed": { en: { subject: "Options: #{{order_number}}", text: "Options text" } } },
      ],
    }) as RenderedEmail
    expect(message.subject).toBe("Admin: #1042")
    expect(message.text).toBe("Options text")
  })

  it("a full HTML document override is used as is", () => {
    const html = "<html><body><p>{{order_number}}</p></body></html>"
    const message = renderMessage({
      template: "order-placed",
      locale: "en",
      channel: "email",
      data: SAMPLE_DATA["order-placed"],
      branding: BRANDING,
      overrides: [{ "order-placed": { en: { html } } }],
    }) as RenderedEmail
    expect(message.html).toBe("<html><body><p>1042</p></body></html>")
  })

  it("a broken override at send time falls back to the built-in text with a warning", () => {
    const message = sms("order-placed", "en", SAMPLE_DATA["order-placed"], {
      "order-placed": { en: { sms: "Hi {{nope}}" } },
    })
    expect(message.text).toContain("is confirmed")
    expect(message.warnings[0]).toMatch(/override of sms ignored: .*unknown variable \{\{nope\}\}/)
  })

  it.each([
    [{ "order-placd": {} }, "templates.order-placd", /unknown template/],
    [{ "order-placed": { fr: {} } }, "templates.order-placed.fr", /unknown locale/],
    [{ "order-placed": { en: { body: "x" } } }, "templates.order-placed.en.body", /unknown part/],
    [{ "order-placed": { en: { sms: 5 } } }, "templates.order-placed.en.sms", /must be a string/],
    [{ "order-placed": { en: { sms: "  " } } }, "templates.order-placed.en.sms", /is empty/],
    [{ "order-placed": { en: { sms: "{{order_numbr}}" } } }, "templates.order-placed.en.sms", /unknown variable \{\{order_numbr\}\}/],
    [{ "order-placed": { en: { html: "<p>x" } } }, "templates.order-placed.en.html", /broken markup: <p> is never closed/],
    [{ "order-placed": { en: { html: "<table><tr></table>" } } }, "templates.order-placed.en.html", /<\/table> closes <tr>/],
    [{ "password-reset": { en: { sms: "x" } } }, "templates.password-reset.en.sms", /email only/],
    ["nope", "templates", /must be an object/],
  ])("rejects %j at %s", (overrides, path, message) => {
    const problems = checkOverrides(overrides)
    expect(problems).toEqual([expect.objectContaining({ path, message: expect.stringMatching(message) })])
  })
})

describe("SMS with a real storefront link", () => {
  const url = "https://shop.soko.test/account/orders/details/order_01M7Y6AB3CDEFGHJKMNPQRSTVW"

  it.each(["en", "sw"] as const)("payment failed (%s) keeps the link and stays one part, cutting the reason", (locale) => {
    const data = { ...SAMPLE_DATA["payment-failed"], retry_url: url, failure_reason: "Request cancelled by user" }
    const message = sms("payment-failed", locale, data)
    expect(message.parts).toBe(1)
    expect(message.text).toContain(url)
  })

  it("drops an overlong reason entirely rather than lose the link", () => {
    const data = { ...SAMPLE_DATA["payment-failed"], retry_url: url + "/abcdefghijklmnopqrst", failure_reason: "The balance was insufficient" }
    const message = sms("payment-failed", "en", data)
    expect(message.parts).toBe(1)
    expect(message.text).not.toContain("(")
    expect(message.text).toContain("/abcdefghijklmnopqrst")
  })
})
