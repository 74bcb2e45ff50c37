import type { MedusaContainer } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"
import { stopLocalServers } from "./local-server"

type JobCounts = (...types: string[]) => Promise<Record<string, number>>

const IDLE_READINGS = 2
const POLL_MS = 100
const MAX_WAIT_MS = 30_000

/** Jobs waiting or running on the Redis event bus; none on the in-memory bus, which has no queue. */
async function busyEventJobs(container: MedusaContainer): Promise<number> {
  // event-bus-redis keeps its BullMQ queue in `queue_`; there is no public way to ask whether it is idle.
  const bus = container.resolve(Modules.EVENT_BUS, { allowUnregistered: true }) as { queue_?: { getJobCounts: JobCounts } } | undefined
  if (!bus?.queue_) {
    return 0
  }
  const counts = await bus.queue_.getJobCounts("waiting", "active", "prioritized")
  return Object.values(counts).reduce((sum, n) => sum + n, 0)
}

/**
 * Lets the app finish what it started before the runner shuts it down: stops
 * the spec's local servers (no more callbacks come in), then waits until the
 * event bus has had nothing waiting or running for two readings in a row.
 *
 * Without it, a subscriber's workflow that finished after shutdown failed on
 * the closed Redis connection ("Connection is closed") and Jest charged the
 * unhandled rejection to whichever test the next spec file in that worker was
 * running (seen in CI: mpesa-money-path, one of its tests, at random).
 */
export async function quiesceApp(container: MedusaContainer | undefined): Promise<void> {
  await stopLocalServers()
  if (!container) {
    return
  }
  const giveUpAt = Date.now() + MAX_WAIT_MS
  let idle = 0
  while (idle < IDLE_READINGS) {
    const busy = await busyEventJobs(container)
    idle = busy === 0 ? idle + 1 : 0
    if (busy > 0 && Date.now() > giveUpAt) {
      console.warn(`app still had ${busy} event jobs after ${MAX_WAIT_MS / 1000} s; shutting it down anyway`)
      return
    }
    await new Promise((resolve) => setTimeout(resolve, POLL_MS))
  }
}
