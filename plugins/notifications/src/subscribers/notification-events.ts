import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { sendEventNotificationsWorkflow } from "../workflows/send-event-notifications"
import { HANDLED_EVENTS } from "../workflows/utils/plan-event"

/** Re-emitted, delayed, when handling an event failed before its messages were recorded. */
export const REPLAY_EVENT = "soko.notification.event_replay"
const MAX_REPLAYS = 3

type Replay = { event_name: string; data: unknown; event_at?: string; replay: number }

/**
 * Starts the notification workflow for every event that can mean a message.
 * If it fails before the messages are recorded (database unreachable, say),
 * the event is replayed a few times with backoff instead of being lost;
 * replays are harmless because messages are keyed.
 */
export default async function notificationEventsHandler({ event, container }: SubscriberArgs<unknown>) {
  const replay = event.name === REPLAY_EVENT ? (event.data as Replay) : undefined
  const input = replay
    ? { event_name: replay.event_name, data: replay.data, event_at: replay.event_at }
    : {
        event_name: event.name,
        data: event.data,
        event_at: (event.metadata as { created_at?: string } | undefined)?.created_at,
      }
  try {
    await sendEventNotificationsWorkflow(container).run({ input })
  } catch (error) {
    const attempt = (replay?.replay ?? 0) + 1
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
