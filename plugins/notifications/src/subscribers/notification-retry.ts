import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { deliverNotificationWorkflow } from "../workflows/deliver-notification"
import { RETRY_EVENT } from "../workflows/utils/deliver-message"

/** A message's backoff ran out: try it again. */
export default async function notificationRetryHandler({ event, container }: SubscriberArgs<{ id: string }>) {
  if (typeof event.data?.id === "string") {
    await deliverNotificationWorkflow(container).run({ input: { ids: [event.data.id] } })
  }
}

export const config: SubscriberConfig = {
  event: RETRY_EVENT,
  context: { subscriberId: "soko-notifications-retry" },
}
