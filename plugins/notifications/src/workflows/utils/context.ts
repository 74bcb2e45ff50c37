import type { Lookup } from "./plan-event"

type Row = Record<string, unknown>

export type Address = {
  first_name?: string | null
  last_name?: string | null
  address_1?: string | null
  address_2?: string | null
  city?: string | null
  province?: string | null
  country_code?: string | null
  phone?: string | null
}

export type Person = {
  id?: string
  email?: string | null
  first_name?: string | null
  last_name?: string | null
  phone?: string | null
  has_account?: boolean
  metadata?: Row | null
}

export type Payment = {
  id: string
  amount?: unknown
  currency_code?: string
  provider_id?: string
  data?: Row | null
  captured_at?: string | Date | null
  refunds?: { amount?: unknown; note?: string | null; created_at?: string | Date }[]
}

/** Read for what a payment provider says about paying another way (`data.pay_another_way`). */
export type PaymentSession = { provider_id?: string; data?: Row | null }

export type Order = {
  id: string
  display_id?: number | string
  email?: string | null
  locale?: string | null
  currency_code?: string
  total?: unknown
  subtotal?: unknown
  item_subtotal?: unknown
  item_total?: unknown
  shipping_total?: unknown
  tax_total?: unknown
  discount_total?: unknown
  created_at?: string | Date
  status?: string
  metadata?: Row | null
  items?: { title?: string; product_title?: string; variant_title?: string | null; quantity?: unknown; unit_price?: unknown; total?: unknown }[]
  shipping_address?: Address | null
  billing_address?: Address | null
  shipping_methods?: { name?: string }[]
  customer?: Person | null
  payment_collections?: { payments?: Payment[]; payment_sessions?: PaymentSession[] }[]
  fulfillments?: { id: string; labels?: { tracking_number?: string; tracking_url?: string }[]; provider_id?: string }[]
}

/** Everything a message may say, loaded by one query rooted at the event's record. */
export type NotificationContext = {
  order?: Order
  customer?: Person
  user?: Person
  payment?: Payment
  fulfillment?: { id: string; labels?: { tracking_number?: string; tracking_url?: string }[] }
}

const ORDER_FIELDS = [
  "id",
  "display_id",
  "email",
  "locale",
  "currency_code",
  "total",
  "subtotal",
  "item_subtotal",
  "item_total",
  "shipping_total",
  "tax_total",
  "discount_total",
  "created_at",
  "status",
  "metadata",
  "items.title",
  "items.product_title",
  "items.variant_title",
  "items.quantity",
  "items.unit_price",
  "items.total",
  "shipping_address.first_name",
  "shipping_address.last_name",
  "shipping_address.address_1",
  "shipping_address.address_2",
  "shipping_address.city",
  "shipping_address.province",
  "shipping_address.country_code",
  "shipping_address.phone",
  "billing_address.first_name",
  "billing_address.last_name",
  "billing_address.country_code",
  "billing_address.phone",
  "shipping_methods.name",
  "customer.id",
  "customer.email",
  "customer.first_name",
  "customer.last_name",
  "customer.phone",
  "customer.has_account",
  "customer.metadata",
  "payment_collections.payments.id",
  "payment_collections.payments.amount",
  "payment_collections.payments.currency_code",
  "payment_collections.payments.provider_id",
  "payment_collections.payments.data",
  "payment_collections.payments.captured_at",
  "payment_collections.payments.refunds.amount",
  "payment_collections.payments.refunds.note",
  "payment_collections.payments.refunds.created_at",
  "payment_collections.payment_sessions.provider_id",
  "payment_collections.payment_sessions.data",
  "fulfillments.id",
  "fulfillments.provider_id",
  "fulfillments.labels.tracking_number",
  "fulfillments.labels.tracking_url",
]

const PERSON_FIELDS = ["id", "email", "first_name", "last_name", "phone", "has_account", "metadata"]
const USER_FIELDS = ["id", "email", "first_name", "last_name", "metadata"]
const PAYMENT_FIELDS = ["id", "amount", "currency_code", "provider_id", "data", "captured_at", "refunds.amount", "refunds.note", "refunds.created_at"]

const prefixed = (prefix: string, fields: string[]) => fields.map((f) => `${prefix}.${f}`)

export type GraphQuery = { entity: string; fields: string[]; filters: Record<string, unknown> }

/** The one query for a lookup: its root entity, the fields messages use, and the filter. */
export function contextQuery(lookup: Lookup): GraphQuery {
  switch (lookup.entity) {
    case "order":
      return { entity: "order", fields: ORDER_FIELDS, filters: { id: lookup.id } }
    case "payment":
      return {
        entity: "payment",
        fields: [...PAYMENT_FIELDS, ...prefixed("payment_collection.order", ORDER_FIELDS)],
        filters: { id: lookup.id },
      }
    case "payment_session":
      return {
        entity: "payment_session",
        fields: ["id", ...prefixed("payment_collection.order", ORDER_FIELDS)],
        filters: { id: lookup.id },
      }
    case "payment_collection":
      return { entity: "payment_collection", fields: ["id", ...prefixed("order", ORDER_FIELDS)], filters: { id: lookup.id } }
    case "fulfillment":
      return {
        entity: "fulfillment",
        fields: ["id", "labels.tracking_number", "labels.tracking_url", ...prefixed("order", ORDER_FIELDS)],
        filters: { id: lookup.id },
      }
    case "customer":
      return { entity: "customer", fields: PERSON_FIELDS, filters: { id: lookup.id } }
    case "customer_by_email":
      return { entity: "customer", fields: PERSON_FIELDS, filters: { email: lookup.email, has_account: true } }
    case "user_by_email":
      return { entity: "user", fields: USER_FIELDS, filters: { email: lookup.email } }
  }
}

const asObject = <T>(value: unknown): T | undefined =>
  value && typeof value === "object" && !Array.isArray(value) ? (value as T) : undefined

/** Turns the query's first row into the context shape, whatever the root was. */
export function toContext(lookup: Lookup, row: Row | undefined): NotificationContext {
  if (!row) {
    return {}
  }
  switch (lookup.entity) {
    case "order": {
      const order = row as unknown as Order
      return { order, customer: order.customer ?? undefined }
    }
    case "payment": {
      const order = asObject<Order>(asObject<Row>(row.payment_collection)?.order)
      const { payment_collection: _pc, ...payment } = row
      return { order, customer: order?.customer ?? undefined, payment: payment as unknown as Payment }
    }
    case "payment_session": {
      const order = asObject<Order>(asObject<Row>(row.payment_collection)?.order)
      return { order, customer: order?.customer ?? undefined }
    }
    case "payment_collection":
    case "fulfillment": {
      const order = asObject<Order>(row.order)
      const context: NotificationContext = { order, customer: order?.customer ?? undefined }
      if (lookup.entity === "fulfillment") {
        context.fulfillment = { id: String(row.id), labels: row.labels as { tracking_number?: string }[] }
      }
      return context
    }
    case "customer":
    case "customer_by_email":
      return { customer: row as Person }
    case "user_by_email":
      return { user: row as Person }
  }
}
