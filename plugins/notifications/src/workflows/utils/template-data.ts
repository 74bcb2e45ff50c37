import type { ResolvedOptions } from "../../modules/notifications/options"
import type { Locale, TemplateId } from "../../templates/catalog"
import type { TemplateData } from "../../templates/engine"
import { formatDate, formatMoney, toAmount } from "../../templates/format"
import { normalizePhone } from "../../utils/contact"
import type { NotificationContext, Order, Payment, Person } from "./context"
import type { EventPlan } from "./plan-event"

const WORDS: Record<Locale, { customer: string; paid: string; authorized: string; awaiting: string; card: string }> = {
  en: { customer: "Customer", paid: "paid", authorized: "authorized, not yet captured", awaiting: "awaiting payment", card: "card" },
  sw: { customer: "Mteja", paid: "imelipwa", authorized: "imeidhinishwa, bado haijapokelewa", awaiting: "inasubiri malipo", card: "kadi" },
}

const clean = (value: unknown): string => (typeof value === "string" ? value.replace(/\s+/g, " ").trim() : "")

const join = (...parts: unknown[]) => parts.map(clean).filter(Boolean).join(" ")

/** Receipt keys the M-Pesa plugin (or Daraja's callback) may have stored on the payment. */
const RECEIPT_KEYS = ["mpesa_receipt", "mpesa_receipt_number", "receipt_number", "MpesaReceiptNumber", "receipt"]

export function mpesaReceipt(payment: Payment | undefined): string {
  const data = (payment?.data ?? {}) as Record<string, unknown>
  for (const key of RECEIPT_KEYS) {
    const value = data[key]
    if (typeof value === "string" && /^[A-Za-z0-9]{6,20}$/.test(value.trim())) {
      return value.trim().toUpperCase()
    }
  }
  return ""
}

/**
 * How to pay an unpaid order by M-Pesa paybill or till, as the M-Pesa plugin
 * puts it on its payment session (`pay_another_way`: public numbers only);
 * empty once anything is captured, or when no session offers it.
 */
export function payAnotherWay(order: Order | undefined): { mpesa_paybill: string; mpesa_till: string; mpesa_account: string } {
  const none = { mpesa_paybill: "", mpesa_till: "", mpesa_account: "" }
  if (!order || payments(order).some((p) => p.captured_at)) {
    return none
  }
  for (const session of (order.payment_collections ?? []).flatMap((pc) => pc?.payment_sessions ?? [])) {
    const way = (session?.data as { pay_another_way?: { type?: unknown; number?: unknown; account?: unknown } } | null)?.pay_another_way
    const number = typeof way?.number === "string" && /^\d{5,8}$/.test(way.number) ? way.number : ""
    if (!number) {
      continue
    }
    if (way?.type === "till") {
      return { ...none, mpesa_till: number }
    }
    if (way?.type === "paybill" && way.account === "order_number" && order.display_id !== undefined) {
      return { ...none, mpesa_paybill: number, mpesa_account: String(order.display_id) }
    }
  }
  return none
}

function paymentMethod(payment: Payment | undefined, locale: Locale): string {
  const provider = payment?.provider_id ?? ""
  if (/mpesa/i.test(provider)) {
    return "M-Pesa"
  }
  if (/stripe/i.test(provider)) {
    return WORDS[locale].card
  }
  return ""
}

const payments = (order: Order | undefined): Payment[] =>
  (order?.payment_collections ?? []).flatMap((pc) => pc?.payments ?? []).filter(Boolean)

/** The phone a message would go to, for display: first valid of shipping, account, billing. */
export function phoneCandidates(order: Order | undefined, customer: Person | undefined): string[] {
  return [order?.shipping_address?.phone, customer?.phone, order?.billing_address?.phone]
    .map(clean)
    .filter(Boolean)
}

function itemsData(order: Order, max: number) {
  const items = (order.items ?? []).map((item) => ({
    title: clean(item.product_title) || clean(item.title),
    variant: clean(item.variant_title) && clean(item.variant_title) !== "Default" ? clean(item.variant_title) : "",
    quantity: toAmount(item.quantity) ?? 1,
    unit_price: formatMoney(item.unit_price, order.currency_code),
    total: formatMoney(item.total ?? (toAmount(item.unit_price) ?? 0) * (toAmount(item.quantity) ?? 1), order.currency_code),
  }))
  const count = items.reduce((n, i) => n + Number(i.quantity), 0)
  const summary = items.length
    ? `${items[0].quantity} x ${items[0].title}${items.length > 1 ? ` +${items.length - 1}` : ""}`
    : ""
  return {
    items: items.slice(0, max),
    more_items: items.length > max ? String(items.length - max) : "",
    item_count: count,
    items_summary: summary,
  }
}

export function orderUrl(order: Order | undefined, options: Pick<ResolvedOptions, "storefrontUrl" | "orderPath" | "orderLinkToken">): string {
  if (!order || !options.storefrontUrl) {
    return ""
  }
  const country = (order.shipping_address?.country_code ?? order.billing_address?.country_code ?? "").toLowerCase()
  if (options.orderPath.includes(":country") && !country) {
    return ""
  }
  const path = options.orderPath
    .replace(":id", encodeURIComponent(order.id))
    .replace(":country", encodeURIComponent(country))
    .replace(":token", options.orderLinkToken ? encodeURIComponent(options.orderLinkToken(order.id)) : "")
  return `${options.storefrontUrl}${path}`
}

function orderData(order: Order, locale: Locale, options: ResolvedOptions, customer?: Person): TemplateData {
  const money = (value: unknown) => formatMoney(value, order.currency_code)
  const address = order.shipping_address
  const discount = toAmount(order.discount_total) ?? 0
  const tax = toAmount(order.tax_total) ?? 0
  const phone = phoneCandidates(order, customer)
    .map((p) => normalizePhone(p, options.defaultCountryCode))
    .find((p) => p.ok)
  return {
    order_number: String(order.display_id ?? order.id),
    order_date: formatDate(order.created_at, locale),
    order_total: money(order.total),
    // Item totals include VAT in Kenyan shops (prices are VAT-inclusive), so the
    // subtotal shown next to them must too; the VAT is stated on its own line.
    order_subtotal: money(order.item_total ?? order.item_subtotal ?? order.subtotal),
    shipping_total: money(order.shipping_total ?? 0),
    tax_total: tax > 0 ? money(tax) : "",
    discount_total: discount > 0 ? money(discount) : "",
    currency: (order.currency_code ?? "").toUpperCase(),
    order_url: orderUrl(order, options),
    ...itemsData(order, options.maxItemsInEmail),
    shipping_address: [address?.address_1, address?.address_2, address?.city].map(clean).filter(Boolean).join(", "),
    shipping_method: clean(order.shipping_methods?.[0]?.name),
    customer_email: clean(order.email ?? customer?.email),
    customer_phone: phone?.ok ? phone.value : "",
  }
}

function personNames(context: NotificationContext, locale: Locale) {
  const address = context.order?.shipping_address ?? context.order?.billing_address
  const person = context.customer ?? context.user
  const first = clean(person?.first_name) || clean(address?.first_name)
  const full = join(person?.first_name, person?.last_name) || join(address?.first_name, address?.last_name)
  return { customer_first_name: first || WORDS[locale].customer, customer_name: full || first }
}

/** The variables one template receives, built from the loaded context. */
export function templateData(
  template: TemplateId,
  plan: EventPlan,
  context: NotificationContext,
  locale: Locale,
  options: ResolvedOptions
): TemplateData {
  const { order, customer } = context
  const base: TemplateData = {
    ...personNames(context, locale),
    ...(order ? orderData(order, locale, options, customer) : {}),
  }
  const allPayments = payments(order)
  switch (template) {
    case "payment-received": {
      const payment = context.payment ?? allPayments.find((p) => p.captured_at) ?? allPayments[0]
      return {
        ...base,
        payment_amount: formatMoney(payment?.amount ?? order?.total, payment?.currency_code ?? order?.currency_code),
        payment_method: paymentMethod(payment, locale),
        mpesa_receipt: mpesaReceipt(payment),
      }
    }
    case "order-placed":
      return { ...base, ...payAnotherWay(order) }
    case "payment-failed":
      return {
        ...base,
        failure_reason: plan.extras.failure_reason ?? "",
        retry_url: orderUrl(order, options),
        payment_method: paymentMethod(allPayments[allPayments.length - 1], locale),
        ...payAnotherWay(order),
      }
    case "order-shipped":
    case "order-out-for-delivery": {
      const labels = context.fulfillment?.labels ?? (order?.fulfillments ?? []).flatMap((f) => f.labels ?? [])
      const label = labels.find((l) => l?.tracking_number || l?.tracking_url)
      return {
        ...base,
        tracking_number: clean(label?.tracking_number),
        tracking_url: /^https?:\/\//.test(clean(label?.tracking_url)) ? clean(label?.tracking_url) : "",
        ...(template === "order-shipped" ? { carrier: "" } : {}),
      }
    }
    case "order-cancelled":
      return { ...base, cancel_reason: plan.extras.cancel_reason ?? "" }
    case "order-refunded": {
      const refunds = (context.payment ? [context.payment] : allPayments).flatMap((p) => p.refunds ?? [])
      const total = refunds.reduce((sum, r) => sum + (toAmount(r.amount) ?? 0), 0)
      const latest = [...refunds].sort((a, b) => String(b.created_at ?? "").localeCompare(String(a.created_at ?? "")))[0]
      return {
        ...base,
        refund_amount: formatMoney(total > 0 ? total : order?.total, order?.currency_code),
        refund_reason: clean(latest?.note),
      }
    }
    case "welcome":
      return { ...base, account_url: options.storefrontUrl ? `${options.storefrontUrl}/account` : "" }
    case "password-reset": {
      const email = clean((context.customer ?? context.user)?.email)
      const token = encodeURIComponent(plan.extras.reset_token ?? "")
      const query = `token=${token}&email=${encodeURIComponent(email)}`
      const url =
        plan.extras.actor_type === "user"
          ? options.adminUrl
            ? `${options.adminUrl}/app/reset-password?${query}`
            : ""
          : options.storefrontUrl
            ? `${options.storefrontUrl}${options.resetPasswordPath}?${query}`
            : ""
      return { ...base, email, reset_url: url }
    }
    case "merchant-new-order": {
      const captured = allPayments.some((p) => p.captured_at)
      const words = WORDS[locale]
      return {
        ...base,
        admin_order_url: order && options.adminUrl ? `${options.adminUrl}/app/orders/${order.id}` : "",
        payment_status: captured ? words.paid : allPayments.length ? words.authorized : words.awaiting,
      }
    }
    default:
      return base
  }
}
