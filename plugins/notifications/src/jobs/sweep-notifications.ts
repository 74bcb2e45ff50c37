import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { sweepNotificationsWorkflow } from "../workflows/sweep-notifications"

/**
 * Every 30 s: finish messages that event-driven delivery left behind (see the
 * workflow). A failed sweep is only a warning: the next one tries again, and
 * a database that is going away (shutdown) must not fill logs with errors.
 */
export default async function sweepNotificationsJob(container: MedusaContainer) {
  try {
    await sweepNotificationsWorkflow(container).run({ input: {} })
  } catch (error) {
    container
      .resolve(ContainerRegistrationKeys.LOGGER)
      .warn(`notifications: sweep failed, the next one will retry: ${(error as Error).message}`)
  }
}

export const config = {
  name: "soko-notifications-sweep",
  schedule: { interval: 30_000 },
}
