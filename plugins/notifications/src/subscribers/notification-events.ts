import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { sendEventNotificationsWorkflow } from "../workflows/send-event-notifications"
import { eventWorkflowInput, HANDLED_EVENTS, REPLAY_EVENT } from "../workflows/utils/plan-event"

const MAX_REPLAYS = 3

/**
 * Starts the notification workflow for every event that means a message.
 * If it fails before the messages are recorded (database unreachable, say),
 * the event is replayed a few times with backoff instead of being lost;
 * replays are harmless because messages are keyed.
 */
export default async function notificationEventsHandler({ event, container }: SubscriberArgs<unknown>) {
  const planned = eventWorkflowInput(event)
  if (!planned) {
    return
  }
  const { replay, ...input } = planned
  try {
    await sendEventNotificationsWorkflow(container).run({ input })
  } catch (error) {
    const attempt = replay + 1
    const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
    logger.warn(
      `notifications: handling ${input.event_name} failed (${(error as Error).message})${attempt <= MAX_REPLAYS ? `; replay ${attempt} of ${MAX_REPLAYS} scheduled` : "; giving up"}`
    )
    if (attempt <= MAX_REPLAYS) {
      await container
        .resolve(Modules.EVENT_BUS)
        .emit({ name: REPLAY_EVENT, data: { ...input, replay: attempt } }, { delay: 2_000 * 4 ** (attempt - 1) })
    }
  }
}

export const config: SubscriberConfig = {
  event: [...HANDLED_EVENTS, REPLAY_EVENT],
  context: { subscriberId: "soko-notifications-events" },
}
