import { createHash } from "node:crypto"
import type { TemplateId } from "../../templates/catalog"

/** Where the data for a message comes from: the root of the one query. */
export type Lookup =
  | { entity: "order"; id: string }
  | { entity: "payment"; id: string }
  | { entity: "payment_session"; id: string }
  | { entity: "payment_collection"; id: string }
  | { entity: "fulfillment"; id: string }
  | { entity: "customer"; id: string }
  | { entity: "customer_by_email"; email: string }
  | { entity: "user_by_email"; email: string }

/**
 * What an event means for notifications. `trigger` is canonical: Medusa's
 * `shipment.created` and order-rules' `order_status.changed → shipped` are
 * both "order.shipped", and keyed by the order, so a store running both
 * sends one "shipped" message, whichever event comes first.
 */
export type EventPlan = {
  trigger: string
  templates: TemplateId[]
  lookup: Lookup
  /** Key part identifying the occurrence; "order" = the order's id once loaded. */
  resource: { kind: "order" } | { kind: "fixed"; id: string }
  /** Values the event carries that the query cannot know. */
  extras: {
    failure_reason?: string
    cancel_reason?: string
    reset_token?: string
    actor_type?: string
    /** The order-rules status change behind it, if any. */
    status_from?: string
  }
}

/** Every event the plugin subscribes to. */
export const HANDLED_EVENTS = [
  "order.placed",
  "payment.captured",
  "payment.failed",
  "payment.refunded",
  "order_status.changed",
  "shipment.created",
  "delivery.created",
  "order.canceled",
  "customer.created",
  "auth.password_reset",
] as const

/** order-rules statuses that have a message; the others are covered by payment events or say nothing to customers. */
const STATUS_TEMPLATES: Record<string, { trigger: string; template: TemplateId }> = {
  shipped: { trigger: "order.shipped", template: "order-shipped" },
  out_for_delivery: { trigger: "order.out_for_delivery", template: "order-out-for-delivery" },
  delivered: { trigger: "order.delivered", template: "order-delivered" },
  cancelled: { trigger: "order.cancelled", template: "order-cancelled" },
  canceled: { trigger: "order.cancelled", template: "order-cancelled" },
  refunded: { trigger: "order.refunded", template: "order-refunded" },
}

const str = (value: unknown): string | undefined =>
  typeof value === "string" && value.trim() ? value.trim() : undefined

const text = (value: unknown, max = 200): string | undefined => str(value)?.slice(0, max)

const ORDER = { kind: "order" } as const

/** Finds the payment-ish record a `payment.failed` event points at, by id prefix. */
function paymentLookup(id: string): Lookup | undefined {
  if (id.startsWith("payses_")) {
    return { entity: "payment_session", id }
  }
  if (id.startsWith("pay_col_") || id.startsWith("paycol_")) {
    return { entity: "payment_collection", id }
  }
  if (id.startsWith("pay_")) {
    return { entity: "payment", id }
  }
  if (id.startsWith("order_")) {
    return { entity: "order", id }
  }
  return undefined
}

/**
 * Maps an event and its payload to a plan, or to null when it means no
 * message (unknown event, missing ids, `no_notification`, a status without a
 * template). Pure and defensive: payloads from other plugins are checked,
 * never trusted.
 */
export function planEvent(name: string, raw: unknown): EventPlan | null {
  const data = (raw && typeof raw === "object" ? raw : {}) as Record<string, unknown>
  if (data.no_notification === true) {
    return null
  }
  const id = str(data.id)
  switch (name) {
    case "order.placed":
      return id
        ? { trigger: "order.placed", templates: ["order-placed", "merchant-new-order"], lookup: { entity: "order", id }, resource: ORDER, extras: {} }
        : null
    case "payment.captured":
      return id
        ? { trigger: "payment.captured", templates: ["payment-received"], lookup: { entity: "payment", id }, resource: { kind: "fixed", id }, extras: {} }
        : null
    case "payment.failed": {
      const orderId = str(data.order_id)
      const lookup: Lookup | undefined = orderId ? { entity: "order", id: orderId } : id ? paymentLookup(id) : undefined
      if (!lookup) {
        return null
      }
      return {
        trigger: "payment.failed",
        templates: ["payment-failed"],
        lookup,
        // Each failed attempt is its own occurrence; without an id, one per order.
        resource: id ? { kind: "fixed", id } : ORDER,
        extras: { failure_reason: text(data.reason) ?? text(data.message) ?? text(data.result_desc) },
      }
    }
    case "payment.refunded":
      return id
        ? { trigger: "order.refunded", templates: ["order-refunded"], lookup: { entity: "payment", id }, resource: ORDER, extras: {} }
        : null
    case "order_status.changed": {
      const orderId = str(data.order_id)
      const target = STATUS_TEMPLATES[str(data.to) ?? ""]
      if (!orderId || !target) {
        return null
      }
      return {
        trigger: target.trigger,
        templates: [target.template],
        lookup: { entity: "order", id: orderId },
        resource: ORDER,
        extras: {
          status_from: str(data.from),
          cancel_reason: target.template === "order-cancelled" ? text(data.reason) : undefined,
        },
      }
    }
    case "shipment.created":
      return id
        ? { trigger: "order.shipped", templates: ["order-shipped"], lookup: { entity: "fulfillment", id }, resource: ORDER, extras: {} }
        : null
    case "delivery.created":
      return id
        ? { trigger: "order.delivered", templates: ["order-delivered"], lookup: { entity: "fulfillment", id }, resource: ORDER, extras: {} }
        : null
    case "order.canceled":
      return id
        ? { trigger: "order.cancelled", templates: ["order-cancelled"], lookup: { entity: "order", id }, resource: ORDER, extras: {} }
        : null
    case "customer.created":
      return id
        ? { trigger: "customer.created", templates: ["welcome"], lookup: { entity: "customer", id }, resource: { kind: "fixed", id }, extras: {} }
        : null
    case "auth.password_reset": {
      const email = str(data.entity_id)
      const token = str(data.token)
      const actor = str(data.actor_type) ?? "customer"
      if (!email || !token || !["customer", "user"].includes(actor)) {
        return null
      }
      return {
        trigger: "auth.password_reset",
        templates: ["password-reset"],
        lookup: actor === "user" ? { entity: "user_by_email", email } : { entity: "customer_by_email", email },
        resource: { kind: "fixed", id: tokenFingerprint(token) },
        extras: { reset_token: token, actor_type: actor },
      }
    }
    default:
      return null
  }
}

/** A stable stand-in for a reset token in keys and logs; the token itself is never stored in a key. */
export function tokenFingerprint(token: string): string {
  return `reset_${createHash("sha256").update(token).digest("hex").slice(0, 20)}`
}

/** Re-emitted, delayed, when handling an event failed before its messages were recorded. */
export const REPLAY_EVENT = "soko.notification.event_replay"

/** An event as the workflow takes it, and how many times it was replayed (a replay's payload). */
export type EventWorkflowInput = { event_name: string; data: unknown; event_at?: string; replay: number }

/**
 * What the event subscriber hands the notification workflow: the event
 * itself, or the one a replay carries; null when it means no message, so
 * no workflow is started at all (an order's first status change, say, is
 * one per checkout and says nothing to anyone).
 */
export function eventWorkflowInput(event: { name: string; data: unknown; metadata?: unknown }): EventWorkflowInput | null {
  const input: EventWorkflowInput =
    event.name === REPLAY_EVENT
      ? { ...(event.data as EventWorkflowInput), replay: (event.data as EventWorkflowInput).replay ?? 0 }
      : {
          event_name: event.name,
          data: event.data,
          event_at: (event.metadata as { created_at?: string } | undefined)?.created_at,
          replay: 0,
        }
  return planEvent(input.event_name, input.data) ? input : null
}
