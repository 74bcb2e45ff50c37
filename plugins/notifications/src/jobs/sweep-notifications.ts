import type { MedusaContainer } from "@medusajs/framework/types"
import { sweepNotificationsWorkflow } from "../workflows/sweep-notifications"

/** Every 30 s: finish messages that event-driven delivery left behind (see the workflow). */
export default async function sweepNotificationsJob(container: MedusaContainer) {
  await sweepNotificationsWorkflow(container).run({ input: {} })
}

export const config = {
  name: "soko-notifications-sweep",
  schedule: { interval: 30_000 },
}
