import { MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { SOKO_NOTIFICATIONS_MODULE } from "../../modules/notifications"
import type NotificationsModuleService from "../../modules/notifications/service"
import type { MessageDraft } from "../../modules/notifications/types"

export type CreateResendMessageStepInput = { id: string }

export const createResendMessageStepId = "soko-create-resend-message"

/** A second resend of the same message this soon is a double click, not a decision. */
export const RESEND_COOLDOWN_MS = 10_000

/**
 * Copies a logged message into a new one keyed `<key>#resend-<n>`: two
 * simultaneous requests compute the same key and only one insert wins, and a
 * repeat within RESEND_COOLDOWN_MS is refused, so a double click resends once.
 * Compensation deletes the copy if it was never sent.
 */
export const createResendMessageStep = createStep(
  createResendMessageStepId,
  async (input: CreateResendMessageStepInput, { container }) => {
    const service = container.resolve<NotificationsModuleService>(SOKO_NOTIFICATIONS_MODULE)
    const [original] = await service.listNotificationMessages({ id: input.id })
    if (!original) {
      throw new MedusaError(MedusaError.Types.NOT_FOUND, `Notification message ${input.id} was not found`)
    }
    if (["pending", "sending", "retrying"].includes(original.status)) {
      throw new MedusaError(
        MedusaError.Types.NOT_ALLOWED,
        `Notification message ${input.id} is still ${original.status}; wait for it to be sent or to fail`
      )
    }
    const root = original.resent_from_id ?? original.id
    const rootKey = original.idempotency_key.replace(/#resend-\d+$/, "")
    const copies = await service.listNotificationMessages(
      { resent_from_id: root },
      { select: ["id", "created_at"], order: { created_at: "DESC" } }
    )
    const latest = copies[0] ? new Date(copies[0].created_at as unknown as string).getTime() : 0
    if (Date.now() - latest < RESEND_COOLDOWN_MS) {
      throw new MedusaError(
        MedusaError.Types.NOT_ALLOWED,
        `Notification message ${input.id} was resent ${Math.round((Date.now() - latest) / 1000)} s ago; wait ${RESEND_COOLDOWN_MS / 1000} s before resending it again`
      )
    }
    const options = service.getOptions()
    const draft: MessageDraft = {
      idempotency_key: `${rootKey}#resend-${copies.length + 1}`,
      trigger: original.trigger,
      event_name: "admin.resend",
      template: original.template,
      channel: original.channel,
      locale: original.locale,
      audience: original.audience,
      to: original.to,
      order_id: original.order_id,
      customer_id: original.customer_id,
      resource_id: original.resource_id,
      status: "pending",
      max_attempts: options.retry.maxAttempts,
      last_error: null,
      failed_at: null,
      event_at: new Date(),
      subject: original.subject,
      body_text: original.body_text,
      body_html: original.body_html,
      data: original.data as Record<string, unknown> | null,
      meta: original.meta as Record<string, unknown> | null,
      resent_from_id: root,
    }
    const [inserted] = await service.insertNewMessages([draft])
    if (!inserted) {
      throw new MedusaError(MedusaError.Types.NOT_ALLOWED, `Notification message ${input.id} is being resent already`)
    }
    return new StepResponse(inserted.id, inserted.id)
  },
  async (id, { container }) => {
    if (!id) {
      return
    }
    const service = container.resolve<NotificationsModuleService>(SOKO_NOTIFICATIONS_MODULE)
    const [copy] = await service.listNotificationMessages({ id })
    if (copy && copy.status === "pending") {
      await service.deleteNotificationMessages(id)
    }
  }
)
