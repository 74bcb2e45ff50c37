import type { MedusaContainer } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"

const POLL_MS = 1_000
const GIVE_UP_MS = 30 * 60_000

type Log = (line: string) => void

/**
 * Rebuilds search indexes from the database with Medusa's Search Module and
 * waits until each serves again ("swap": the old version answers meanwhile).
 * Returns the indexes rebuilt; throws a sentence naming the index when one fails.
 */
export async function rebuildSearchIndexes(container: MedusaContainer, indexes: string[], log: Log): Promise<string[]> {
  const search = container.resolve(Modules.SEARCH)
  const { job_id, indexes: rebuilding } = await search.reindex({ index: indexes })
  log(`Rebuilding search index ${rebuilding.join(", ")} (job ${job_id})…`)
  const started = Date.now()
  for (;;) {
    await new Promise((r) => setTimeout(r, POLL_MS))
    const details = (await search.listIndexes()).filter((i) => rebuilding.includes(i.name))
    const failed = details.find((i) => i.status === "error")
    if (failed) {
      throw new Error(`Search index "${failed.name}" failed to rebuild; the server log has the cause. The previous version keeps serving.`)
    }
    if (details.every((i) => i.status === "ready")) {
      log(`Search index ${rebuilding.join(", ")} rebuilt in ${((Date.now() - started) / 1000).toFixed(1)} s`)
      return rebuilding
    }
    if (Date.now() - started > GIVE_UP_MS) {
      throw new Error(`Search index ${rebuilding.join(", ")} still building after 30 min; it goes on in the background.`)
    }
    log(`  … ${details.map((i) => `${i.name}: ${i.status}`).join(", ")}`)
  }
}

/**
 * After `db:migrate` a new index is "pending" until a server boots and seeds
 * it; product events before that fail to reach it (the seed would log an error
 * for each). Makes such indexes serve now. Nothing to do without the module.
 */
export async function activatePendingSearchIndexes(container: MedusaContainer, log: Log): Promise<string[]> {
  if (!container.hasRegistration(Modules.SEARCH)) {
    return []
  }
  const pending = (await container.resolve(Modules.SEARCH).listIndexes()).filter((i) => i.status === "pending").map((i) => i.name)
  return pending.length ? rebuildSearchIndexes(container, pending, log) : []
}

/** Rebuilds every search index the app defines. Nothing to do without the module. */
export async function rebuildAllSearchIndexes(container: MedusaContainer, log: Log): Promise<string[]> {
  if (!container.hasRegistration(Modules.SEARCH)) {
    return []
  }
  const names = (await container.resolve(Modules.SEARCH).listIndexes()).map((i) => i.name)
  return names.length ? rebuildSearchIndexes(container, names, log) : []
}
