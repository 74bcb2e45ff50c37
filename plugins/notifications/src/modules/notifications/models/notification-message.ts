import { model } from "@medusajs/framework/utils"

export const MESSAGE_STATUSES = ["pending", "sending", "retrying", "sent", "failed", "skipped"] as const
export type MessageStatus = (typeof MESSAGE_STATUSES)[number]

/**
 * One message Soko decided to send (or decided not to, with the reason): the
 * notification log the admin shows. The unique idempotency key
 * (`<trigger>:<resource>:<template>:<channel>:<recipient>`) is what makes a
 * replayed event, a retried job or a second worker a no-op. Each delivery
 * attempt goes through Medusa's Notification Module, which keeps its own row
 * per attempt (`notification_id` is the successful one).
 */
export const NotificationMessage = model
  .define("soko_notification_message", {
    id: model.id({ prefix: "snmsg" }).primaryKey(),
    idempotency_key: model.text().unique(),
    /** The canonical trigger, e.g. "order.placed", "order.shipped". */
    trigger: model.text(),
    /** The event that started it, e.g. "shipment.created" or "order_status.changed". */
    event_name: model.text(),
    template: model.text(),
    channel: model.text(),
    locale: model.text(),
    audience: model.text(),
    to: model.text().searchable(),
    order_id: model.text().nullable(),
    customer_id: model.text().nullable(),
    /** The resource the key is about: an order, payment, customer or reset request. */
    resource_id: model.text(),
    status: model.enum([...MESSAGE_STATUSES]).default("pending"),
    attempts: model.number().default(0),
    max_attempts: model.number(),
    next_attempt_at: model.dateTime().nullable(),
    lease_until: model.dateTime().nullable(),
    last_error: model.text().nullable(),
    /** When the triggering event was emitted, for latency. */
    event_at: model.dateTime().nullable(),
    sent_at: model.dateTime().nullable(),
    failed_at: model.dateTime().nullable(),
    notification_id: model.text().nullable(),
    external_id: model.text().nullable(),
    provider_id: model.text().nullable(),
    subject: model.text().nullable(),
    body_text: model.text().nullable(),
    body_html: model.text().nullable(),
    /** Template variables the message was rendered with. */
    data: model.json().nullable(),
    /** SMS encoding/parts, render warnings. */
    meta: model.json().nullable(),
    /** Set on a manual resend: the message it repeats. */
    resent_from_id: model.text().nullable(),
  })
  .indexes([
    { on: ["order_id"] },
    { on: ["customer_id"] },
    { on: ["status", "next_attempt_at"] },
    { on: ["created_at"] },
  ])
