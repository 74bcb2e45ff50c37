import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { deliverMessage, DeliveryOutcome } from "../utils/deliver-message"

export type DeliverNotificationMessagesStepInput = { ids: string[] }

export const deliverNotificationMessagesStepId = "soko-deliver-notification-messages"

/**
 * Attempts each message once (failures are recorded and rescheduled, never
 * thrown). Sending cannot be undone, so there is no compensation.
 */
export const deliverNotificationMessagesStep = createStep(
  deliverNotificationMessagesStepId,
  async (input: DeliverNotificationMessagesStepInput, { container }) => {
    const outcomes: DeliveryOutcome[] = await Promise.all(input.ids.map((id) => deliverMessage(container, id)))
    return new StepResponse(outcomes)
  }
)
