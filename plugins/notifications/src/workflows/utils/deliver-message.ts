import type { INotificationModuleService, MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { SOKO_NOTIFICATIONS_MODULE } from "../../modules/notifications"
import type NotificationsModuleService from "../../modules/notifications/service"
import type { ClaimedMessage } from "../../modules/notifications/types"
import { failureKind, failureReason } from "../../providers/shared/errors"
import { notificationSends, withSpan } from "../../utils/telemetry"
import { attemptKey, backoffMs } from "./backoff"

/** Emitted (delayed) when a message should be tried again. */
export const RETRY_EVENT = "soko.notification.retry_due"

export type DeliveryOutcome = {
  id: string
  outcome: "sent" | "retrying" | "failed" | "not-claimed" | "superseded"
  attempt?: number
  error?: string
}

/** Medusa's notification table has the column; its filter type does not list it. */
const byKey = (key: string) => ({ idempotency_key: key }) as unknown as Parameters<INotificationModuleService["listNotifications"]>[0]

type NotificationRecord = { id: string; status?: string; external_id?: string | null; provider_id?: string | null }

function content(message: ClaimedMessage) {
  return message.channel === "email"
    ? { subject: message.subject ?? "", html: message.body_html ?? undefined, text: message.body_text ?? undefined }
    : { text: message.body_text ?? "" }
}

/**
 * One delivery attempt of one message: claim it (only one process can), hand
 * it to Medusa's Notification Module with the attempt's idempotency key, and
 * record the outcome. Temporary failures are scheduled again with backoff
 * until `max_attempts`; permanent ones are recorded at once. Never throws
 * for a provider failure: the caller (an event subscriber, ultimately the
 * order flow) must not fail because a message could not be sent.
 */
export async function deliverMessage(container: MedusaContainer, id: string): Promise<DeliveryOutcome> {
  const service = container.resolve<NotificationsModuleService>(SOKO_NOTIFICATIONS_MODULE)
  const options = service.getOptions()
  const claimed = await service.claimMessage(id, { now: new Date(), leaseMs: options.retry.leaseMs })
  if (!claimed) {
    return { id, outcome: "not-claimed" }
  }
  const attributes = {
    "soko.notification.id": claimed.id,
    "soko.notification.channel": claimed.channel,
    "soko.notification.template": claimed.template,
    "soko.notification.attempt": claimed.attempts,
  }
  return withSpan("notification.send", attributes, async (setAttributes) => {
    const result = await sendClaimed(container, service, claimed)
    setAttributes({ "soko.notification.status": result.outcome })
    notificationSends().add(1, { channel: claimed.channel, status: result.outcome })
    return result
  })
}

/** The attempt itself, once `claimed` is ours: Medusa's Notification Module, then the outcome recorded. */
async function sendClaimed(
  container: MedusaContainer,
  service: NotificationsModuleService,
  claimed: ClaimedMessage
): Promise<DeliveryOutcome> {
  const id = claimed.id
  const attempt = claimed.attempts
  const key = attemptKey(claimed.idempotency_key, attempt)
  const notifications = container.resolve<INotificationModuleService>(Modules.NOTIFICATION)
  try {
    let record = (await notifications.createNotifications({
      to: claimed.to,
      channel: claimed.channel,
      template: claimed.template,
      content: content(claimed),
      data: { soko_message_id: claimed.id, template: claimed.template },
      trigger_type: claimed.trigger,
      resource_id: claimed.order_id ?? claimed.resource_id,
      resource_type: claimed.order_id ? "order" : claimed.customer_id ? "customer" : undefined,
      receiver_id: claimed.customer_id ?? undefined,
      idempotency_key: key,
    })) as unknown as NotificationRecord | undefined
    if (!record) {
      // Medusa skipped the key: this attempt already went out before (a
      // process stopped after sending). Read what it recorded.
      ;[record] = (await notifications.listNotifications(byKey(key))) as unknown as NotificationRecord[]
    }
    if (record?.status && record.status !== "success") {
      throw new Error(`[temporary] the earlier attempt under ${key} is ${record.status}`)
    }
    const won = await service.finishAttempt(claimed.id, attempt, {
      status: "sent",
      sent_at: new Date(),
      lease_until: null,
      next_attempt_at: null,
      last_error: null,
      notification_id: record?.id ?? null,
      external_id: record?.external_id ?? null,
      provider_id: record?.provider_id ?? null,
    })
    return { id, outcome: won ? "sent" : "superseded", attempt }
  } catch (error) {
    return recordFailure(container, service, claimed, (error as Error).message ?? String(error))
  }
}

async function recordFailure(
  container: MedusaContainer,
  service: NotificationsModuleService,
  claimed: ClaimedMessage,
  message: string
): Promise<DeliveryOutcome> {
  const options = service.getOptions()
  const attempt = claimed.attempts
  const reason = failureReason(message)
  const final = failureKind(message) === "permanent" || attempt >= claimed.max_attempts
  if (final) {
    const won = await service.finishAttempt(claimed.id, attempt, {
      status: "failed",
      failed_at: new Date(),
      last_error: reason,
      lease_until: null,
      next_attempt_at: null,
    })
    return { id: claimed.id, outcome: won ? "failed" : "superseded", attempt, error: reason }
  }
  const delay = backoffMs(attempt, options.retry)
  const won = await service.finishAttempt(claimed.id, attempt, {
    status: "retrying",
    next_attempt_at: new Date(Date.now() + delay),
    last_error: reason,
    lease_until: null,
  })
  if (won) {
    try {
      const eventBus = container.resolve(Modules.EVENT_BUS)
      await eventBus.emit({ name: RETRY_EVENT, data: { id: claimed.id } }, { delay })
    } catch (error) {
      // The sweep job finds retries whose timer was lost.
      container
        .resolve(ContainerRegistrationKeys.LOGGER)
        .warn(`notifications: could not schedule the retry of ${claimed.id}: ${(error as Error).message}`)
    }
  }
  return { id: claimed.id, outcome: won ? "retrying" : "superseded", attempt, error: reason }
}

/**
 * Settles a message whose attempt was claimed by a process that stopped
 * (its lease ran out): if Medusa recorded that attempt as sent, it was sent;
 * if the provider was never reached, it is retried; if the attempt was cut
 * off mid-call, nobody can know whether it went out, so it is failed with
 * that reason rather than risk a duplicate (the admin can resend it).
 */
export async function settleInterrupted(
  container: MedusaContainer,
  row: { id: string; attempts: number }
): Promise<DeliveryOutcome> {
  const service = container.resolve<NotificationsModuleService>(SOKO_NOTIFICATIONS_MODULE)
  const [message] = await service.listNotificationMessages({ id: row.id })
  if (!message || message.status !== "sending" || message.attempts !== row.attempts) {
    return { id: row.id, outcome: "not-claimed" }
  }
  const key = attemptKey(message.idempotency_key, message.attempts)
  const notifications = container.resolve<INotificationModuleService>(Modules.NOTIFICATION)
  const [record] = (await notifications.listNotifications(byKey(key))) as unknown as NotificationRecord[]
  if (record?.status === "success") {
    const won = await service.finishAttempt(row.id, row.attempts, {
      status: "sent",
      sent_at: new Date(),
      lease_until: null,
      notification_id: record.id,
      external_id: record.external_id ?? null,
      provider_id: record.provider_id ?? null,
    })
    return { id: row.id, outcome: won ? "sent" : "superseded", attempt: row.attempts }
  }
  const claimed = message as unknown as ClaimedMessage
  if (record?.status === "pending") {
    return recordFailure(
      container,
      service,
      { ...claimed, max_attempts: 0 },
      "[permanent] interrupted while sending: the provider may or may not have delivered it; resend from the admin if it did not arrive"
    )
  }
  return recordFailure(container, service, claimed, "[temporary] the process sending it stopped before the provider was reached")
}
