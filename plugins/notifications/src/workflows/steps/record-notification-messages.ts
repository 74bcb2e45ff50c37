import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { SOKO_NOTIFICATIONS_MODULE } from "../../modules/notifications"
import type NotificationsModuleService from "../../modules/notifications/service"
import type { MessageDraft } from "../../modules/notifications/types"

export type RecordNotificationMessagesStepInput = { drafts: MessageDraft[] }

export const recordNotificationMessagesStepId = "soko-record-notification-messages"

/**
 * Writes the drafts to the log; a key that exists already (replayed event,
 * second worker) is left alone. Returns the new messages that are to be
 * sent. Not compensated on purpose: a recorded message that a later step
 * could not send is picked up by the sweep job, which is the point.
 */
export const recordNotificationMessagesStep = createStep(
  recordNotificationMessagesStepId,
  async (input: RecordNotificationMessagesStepInput, { container }) => {
    const service = container.resolve<NotificationsModuleService>(SOKO_NOTIFICATIONS_MODULE)
    const inserted = await service.insertNewMessages(input.drafts)
    return new StepResponse({
      recorded: inserted.map((m) => m.id),
      pending: inserted.filter((m) => m.status === "pending").map((m) => m.id),
    })
  }
)
