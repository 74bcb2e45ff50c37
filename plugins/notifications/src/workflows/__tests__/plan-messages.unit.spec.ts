import { resolveOptions } from "../../modules/notifications/options"
import type { NotificationContext, Order } from "../utils/context"
import { attemptKey, backoffMs } from "../utils/backoff"
import { planEvent } from "../utils/plan-event"
import { buildDrafts, pickLocale, planRecipients, toLocale } from "../utils/plan-messages"
import { mpesaReceipt, templateData } from "../utils/template-data"

const options = resolveOptions({
  storefrontUrl: "https://shop.example.com",
  adminUrl: "https://admin.example.com",
  merchant: { email: "merchant@example.com", phone: "0700000001" },
})

const ORDER: Order = {
  id: "order_1",
  display_id: 1042,
  email: "Achieng@Example.com",
  currency_code: "kes",
  total: 3350,
  item_subtotal: 2500,
  item_total: 2900,
  shipping_total: 450,
  tax_total: 462,
  discount_total: 0,
  created_at: "2026-11-21T10:00:00Z",
  items: [{ title: "Kenya AA Coffee", product_title: "Kenya AA Coffee", variant_title: "500 g", quantity: 2, unit_price: 1450, total: 2900 }],
  shipping_address: { first_name: "Achieng", last_name: "Otieno", address_1: "Tom Mboya Street 5", city: "Nairobi", phone: "0712 345 678" },
  shipping_methods: [{ name: "Countrywide courier" }],
  customer: { id: "cus_1", email: "achieng@example.com", has_account: true, phone: null },
  payment_collections: [{ payments: [{ id: "pay_1", amount: 3350, provider_id: "pp_mpesa_mpesa", data: { mpesa_receipt_number: "skl4abc7xy" }, captured_at: "2026-11-21T10:05:00Z" }] }],
}

const context = (order: Partial<Order> = {}): NotificationContext => {
  const o = { ...ORDER, ...order }
  return { order: o, customer: o.customer ?? undefined }
}

const placed = planEvent("order.placed", { id: "order_1" })!

const summary = (ctx: NotificationContext, preference = {}) =>
  planRecipients(placed, ctx, preference, options).map((m) => [m.template, m.channel, m.to, m.status, m.reason ?? ""].join(" | "))

describe("planRecipients: who gets what, on which channel", () => {
  it("customer by email and SMS (normalised), merchant by email and SMS", () => {
    expect(summary(context())).toEqual([
      "order-placed | email | achieng@example.com | pending | ",
      "order-placed | sms | +254712345678 | pending | ",
      "merchant-new-order | email | merchant@example.com | pending | ",
      "merchant-new-order | sms | +254700000001 | pending | ",
    ])
  })

  it("no phone anywhere: email only, nothing recorded for SMS", () => {
    expect(summary(context({ shipping_address: { first_name: "A", phone: "" } })).filter((s) => s.startsWith("order-placed"))).toEqual([
      "order-placed | email | achieng@example.com | pending | ",
    ])
  })

  it("falls back to the account's phone, then the billing phone", () => {
    const ctx = context({ shipping_address: { phone: null }, billing_address: { phone: "+254 722 000 111" } })
    expect(summary(ctx)[1]).toBe("order-placed | sms | +254722000111 | pending | ")
  })

  it("an invalid phone becomes a recorded failure with the reason", () => {
    expect(summary(context({ shipping_address: { phone: "12345" } }))[1]).toBe(
      "order-placed | sms | 12345 | failed | invalid phone number: 12345 is not a Kenyan mobile number"
    )
  })

  it("an invalid email becomes a recorded failure with the reason", () => {
    expect(summary(context({ email: "achieng@" }))[0]).toBe(
      'order-placed | email | achieng@ | failed | invalid email address: "achieng@" is not an email address'
    )
  })

  it("SMS opt-out (preference or order metadata) is recorded as skipped", () => {
    expect(summary(context(), { sms_opt_out: true })[1]).toBe("order-placed | sms | +254712345678 | skipped | the customer opted out of SMS")
    expect(summary(context({ metadata: { sms_opt_out: true } }))[1]).toMatch(/skipped/)
  })

  it("email opt-out skips order emails but never a password reset", () => {
    expect(summary(context(), { email_opt_out: true })[0]).toMatch(/email .* skipped \| the customer opted out of email/)
    const reset = planEvent("auth.password_reset", { entity_id: "achieng@example.com", token: "t", actor_type: "customer" })!
    expect(planRecipients(reset, { customer: ORDER.customer! }, { email_opt_out: true }, options)).toEqual([
      expect.objectContaining({ channel: "email", status: "pending" }),
    ])
  })

  it("welcome goes to accounts only, not to customers created by a guest checkout", () => {
    const plan = planEvent("customer.created", { id: "cus_1" })!
    expect(planRecipients(plan, { customer: { ...ORDER.customer!, phone: "0712345678" } }, undefined, options)).toHaveLength(2)
    expect(planRecipients(plan, { customer: { ...ORDER.customer!, has_account: false } }, undefined, options)).toEqual([])
  })

  it("admin users get the password reset by email only", () => {
    const plan = planEvent("auth.password_reset", { entity_id: "admin@example.com", token: "t", actor_type: "user" })!
    expect(planRecipients(plan, { user: { email: "admin@example.com" } }, undefined, options)).toEqual([
      expect.objectContaining({ channel: "email", to: "admin@example.com" }),
    ])
  })

  it("disabled templates and channels are not planned", () => {
    const quiet = resolveOptions({ merchant: { email: "m@example.com" }, disabled: ["order-placed:sms", "merchant-new-order"] })
    expect(planRecipients(placed, context(), undefined, quiet).map((m) => `${m.template}:${m.channel}`)).toEqual(["order-placed:email"])
  })

  it("nothing loaded (deleted order, unknown payment): nothing planned", () => {
    expect(planRecipients(placed, {}, undefined, options)).toEqual([])
  })
})

describe("locale", () => {
  it.each([
    ["sw", "sw"],
    ["sw-KE", "sw"],
    ["SW_tz", "sw"],
    ["en-GB", "en"],
    ["fr-FR", undefined],
    [undefined, undefined],
    [42, undefined],
  ])("toLocale(%p) = %p", (input, expected) => {
    expect(toLocale(input)).toBe(expected)
  })

  it.each([
    ["preference first", { locale: "sw" }, { locale: "en-KE" }, "sw"],
    ["then the order's locale", {}, { locale: "sw-KE" }, "sw"],
    ["then account metadata", {}, { customer: { id: "c", metadata: { locale: "sw" } } }, "sw"],
    ["then order metadata", {}, { metadata: { locale: "sw" } }, "sw"],
    ["else the store default", {}, {}, "en"],
  ])("%s", (_label, preference, order, expected) => {
    expect(pickLocale(context(order as Partial<Order>), preference, "en")).toBe(expected)
  })
})

describe("templateData", () => {
  it("formats the order for messages", () => {
    const data = templateData("order-placed", placed, context(), "en", options)
    expect(data).toEqual(
      expect.objectContaining({
        customer_first_name: "Achieng",
        customer_name: "Achieng Otieno",
        order_number: "1042",
        order_date: "21 Nov 2026",
        order_total: "KES 3,350",
        order_subtotal: "KES 2,900",
        shipping_total: "KES 450",
        tax_total: "KES 462",
        discount_total: "",
        order_url: "https://shop.example.com/account/orders/details/order_1",
        item_count: 2,
        items_summary: "2 x Kenya AA Coffee",
        items: [{ title: "Kenya AA Coffee", variant: "500 g", quantity: 2, unit_price: "KES 1,450", total: "KES 2,900" }],
        shipping_address: "Tom Mboya Street 5, Nairobi",
        shipping_method: "Countrywide courier",
        customer_phone: "+254712345678",
      })
    )
  })

  it("payment received: amount, method and the M-Pesa receipt", () => {
    const plan = planEvent("payment.captured", { id: "pay_1" })!
    const ctx = { ...context(), payment: ORDER.payment_collections![0].payments![0] }
    expect(templateData("payment-received", plan, ctx, "sw", options)).toEqual(
      expect.objectContaining({ payment_amount: "KES 3,350", payment_method: "M-Pesa", mpesa_receipt: "SKL4ABC7XY" })
    )
  })

  it.each([
    [{ mpesa_receipt: "QK12ABC3DE" }, "QK12ABC3DE"],
    [{ MpesaReceiptNumber: "qk12abc3de" }, "QK12ABC3DE"],
    [{ receipt: "not a receipt!" }, ""],
    [{}, ""],
    [null, ""],
  ])("mpesaReceipt(%j) = %p", (data, expected) => {
    expect(mpesaReceipt({ id: "pay_1", data })).toBe(expected)
  })

  it("caps the items listed and says how many more", () => {
    const items = Array.from({ length: 60 }, (_, i) => ({ title: `Item ${i}`, quantity: 1, unit_price: 10, total: 10 }))
    const data = templateData("order-placed", placed, context({ items }), "en", options)
    expect((data.items as unknown[]).length).toBe(50)
    expect(data.more_items).toBe("10")
    expect(data.item_count).toBe(60)
    expect(data.items_summary).toBe("1 x Item 0 +59")
  })

  it("password reset links to the storefront for customers and the admin for users", () => {
    const customer = planEvent("auth.password_reset", { entity_id: "a@example.com", token: "tok/en", actor_type: "customer" })!
    expect(templateData("password-reset", customer, { customer: { email: "a@example.com" } }, "en", options).reset_url).toBe(
      "https://shop.example.com/reset-password?token=tok%2Fen&email=a%40example.com"
    )
    const user = planEvent("auth.password_reset", { entity_id: "admin@example.com", token: "t", actor_type: "user" })!
    expect(templateData("password-reset", user, { user: { email: "admin@example.com" } }, "en", options).reset_url).toBe(
      "https://admin.example.com/app/reset-password?token=t&email=admin%40example.com"
    )
  })

  it("a nameless guest is greeted in the message's language", () => {
    const ctx = context({ shipping_address: { phone: "0712345678" }, customer: { id: "c", has_account: false } })
    expect(templateData("order-placed", placed, ctx, "sw", options).customer_first_name).toBe("Mteja")
  })
})

describe("buildDrafts", () => {
  const branding = { storeName: "Soko Demo Shop", primaryColor: "#0f766e" }

  it("renders each planned message with its idempotency key", () => {
    const drafts = buildDrafts({ eventName: "order.placed", plan: placed, context: context(), options, branding, overrides: {} })
    expect(drafts.map((d) => d.idempotency_key)).toEqual([
      "order.placed:order_1:order-placed:email:achieng@example.com",
      "order.placed:order_1:order-placed:sms:+254712345678",
      "order.placed:order_1:merchant-new-order:email:merchant@example.com",
      "order.placed:order_1:merchant-new-order:sms:+254700000001",
    ])
    const sms = drafts[1]
    expect(sms.body_text).toBe("Soko Demo Shop: Thank you Achieng! Order #1042 (KES 3,350) is confirmed. We will text you when it ships.")
    expect(sms.meta).toEqual({ encoding: "GSM-7", units: sms.body_text!.length, parts: 1, warnings: [] })
    expect(drafts[0]).toEqual(expect.objectContaining({ subject: "Order #1042 confirmed", customer_id: "cus_1", order_id: "order_1", max_attempts: 5 }))
  })

  it("admin overrides win over option overrides", () => {
    const withOptions = resolveOptions({ templates: { "order-placed": { en: { sms: "Options {{order_number}}" } } } })
    const drafts = buildDrafts({
      eventName: "order.placed",
      plan: placed,
      context: context(),
      options: withOptions,
      branding,
      overrides: { "order-placed": { en: { sms: "Admin {{order_number}}" } } },
    })
    expect(drafts.find((d) => d.channel === "sms")!.body_text).toBe("Admin 1042")
  })

  it("without an order id or fixed resource there is nothing to key on", () => {
    expect(buildDrafts({ eventName: "order.placed", plan: placed, context: {}, options, branding, overrides: {} })).toEqual([])
  })
})

describe("backoff", () => {
  const settings = { initialDelayMs: 1000, maxDelayMs: 10_000, jitter: false }
  it.each([
    [1, 1000],
    [2, 2000],
    [3, 4000],
    [4, 8000],
    [5, 10_000],
    [20, 10_000],
  ])("after attempt %i wait %i ms", (attempt, expected) => {
    expect(backoffMs(attempt, settings)).toBe(expected)
  })

  it("jitter stays within ±20%", () => {
    expect(backoffMs(2, { ...settings, jitter: true }, () => 0)).toBe(1600)
    expect(backoffMs(2, { ...settings, jitter: true }, () => 1)).toBe(2400)
  })

  it("attempt keys: the message key first, then numbered", () => {
    expect([1, 2, 3].map((n) => attemptKey("k", n))).toEqual(["k", "k#2", "k#3"])
  })
})
