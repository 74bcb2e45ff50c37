import type { VariableSpec } from "./engine"

export const LOCALES = ["en", "sw"] as const
export type Locale = (typeof LOCALES)[number]

export const CHANNELS = ["email", "sms"] as const
export type Channel = (typeof CHANNELS)[number]

/** The parts of a message a merchant can override. */
export const TEMPLATE_PARTS = ["subject", "html", "text", "sms"] as const
export type TemplatePart = (typeof TEMPLATE_PARTS)[number]

export const TEMPLATE_IDS = [
  "order-placed",
  "payment-received",
  "payment-failed",
  "order-shipped",
  "order-out-for-delivery",
  "order-delivered",
  "order-cancelled",
  "order-refunded",
  "welcome",
  "password-reset",
  "merchant-new-order",
] as const
export type TemplateId = (typeof TEMPLATE_IDS)[number]

export const isTemplateId = (value: unknown): value is TemplateId =>
  typeof value === "string" && (TEMPLATE_IDS as readonly string[]).includes(value)

export const isLocale = (value: unknown): value is Locale =>
  typeof value === "string" && (LOCALES as readonly string[]).includes(value)

const STORE: VariableSpec = {
  store_name: "value",
  brand_color: "value",
  store_url: "value",
  support_email: "value",
  support_phone: "value",
  customer_name: "value",
  customer_first_name: "value",
}

const ITEM = {
  title: "value",
  variant: "value",
  quantity: "value",
  unit_price: "value",
  total: "value",
} as const

const ORDER: VariableSpec = {
  ...STORE,
  order_number: "value",
  order_date: "value",
  order_total: "value",
  order_subtotal: "value",
  shipping_total: "value",
  tax_total: "value",
  discount_total: "value",
  currency: "value",
  order_url: "value",
  item_count: "value",
  items_summary: "value",
  items: { list: ITEM },
  more_items: "value",
  shipping_address: "value",
  shipping_method: "value",
  customer_email: "value",
  customer_phone: "value",
}

/** Set while the order is unpaid and its M-Pesa payment can also be made by paybill or till (empty otherwise). */
const PAY_ANOTHER_WAY: VariableSpec = { mpesa_paybill: "value", mpesa_till: "value", mpesa_account: "value" }

export type TemplateDefinition = {
  id: TemplateId
  /** Who receives it: the shopper, or the shop's own staff. */
  audience: "customer" | "merchant"
  channels: readonly Channel[]
  description: string
  variables: VariableSpec
}

const define = (
  id: TemplateId,
  audience: TemplateDefinition["audience"],
  channels: readonly Channel[],
  description: string,
  variables: VariableSpec
): TemplateDefinition => ({ id, audience, channels, description, variables })

export const TEMPLATES: Record<TemplateId, TemplateDefinition> = {
  "order-placed": define("order-placed", "customer", CHANNELS, "The order was placed", { ...ORDER, ...PAY_ANOTHER_WAY }),
  "payment-received": define(
    "payment-received",
    "customer",
    CHANNELS,
    "A payment for the order was captured",
    { ...ORDER, payment_amount: "value", payment_method: "value", mpesa_receipt: "value" }
  ),
  "payment-failed": define(
    "payment-failed",
    "customer",
    CHANNELS,
    "A payment attempt failed; says how to try again",
    { ...ORDER, failure_reason: "value", retry_url: "value", payment_method: "value", ...PAY_ANOTHER_WAY }
  ),
  "order-shipped": define("order-shipped", "customer", CHANNELS, "The order shipped", {
    ...ORDER,
    tracking_number: "value",
    tracking_url: "value",
    carrier: "value",
  }),
  "order-out-for-delivery": define(
    "order-out-for-delivery",
    "customer",
    CHANNELS,
    "The order is out for delivery",
    { ...ORDER, tracking_number: "value", tracking_url: "value" }
  ),
  "order-delivered": define("order-delivered", "customer", CHANNELS, "The order was delivered", ORDER),
  "order-cancelled": define("order-cancelled", "customer", CHANNELS, "The order was cancelled", {
    ...ORDER,
    cancel_reason: "value",
  }),
  "order-refunded": define("order-refunded", "customer", CHANNELS, "Money was refunded", {
    ...ORDER,
    refund_amount: "value",
    refund_reason: "value",
  }),
  welcome: define("welcome", "customer", CHANNELS, "A shopper created an account", {
    ...STORE,
    account_url: "value",
  }),
  "password-reset": define(
    "password-reset",
    "customer",
    ["email"],
    "A password reset was requested (shoppers and admin users)",
    { ...STORE, reset_url: "value", email: "value" }
  ),
  "merchant-new-order": define(
    "merchant-new-order",
    "merchant",
    CHANNELS,
    "Alerts the shop about each new order",
    { ...ORDER, admin_order_url: "value", payment_status: "value" }
  ),
}
