import type { ExecArgs } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"

const POLL_MS = 1_000
const GIVE_UP_MS = 30 * 60_000

/**
 * `npm run search:reindex`: rebuilds the catalog's search index from the
 * database (Medusa's Search Module; the definition is src/search/product.ts).
 * Medusa keeps the index current from product events and fills an empty one
 * on its own; this is for recovering one that drifted, or after changing what
 * the definition indexes. The old version keeps serving until the new one is
 * built ("swap"), so the shop stays searchable meanwhile.
 */
export default async function searchReindex({ container }: ExecArgs) {
  const logger = container.resolve("logger")
  const search = container.resolve(Modules.SEARCH)
  const { job_id, indexes } = await search.reindex({ index: "product" })
  logger.info(`Rebuilding search index ${indexes.join(", ")} (job ${job_id})…`)
  const started = Date.now()
  for (;;) {
    await new Promise((r) => setTimeout(r, POLL_MS))
    const details = (await search.listIndexes()).filter((i) => indexes.includes(i.name))
    const failed = details.find((i) => i.status === "error")
    if (failed) {
      throw new Error(`Search index "${failed.name}" failed to rebuild; the server log has the cause. The previous version keeps serving.`)
    }
    if (details.every((i) => i.status === "ready")) {
      logger.info(`Search index ${indexes.join(", ")} rebuilt in ${((Date.now() - started) / 1000).toFixed(1)} s`)
      return
    }
    if (Date.now() - started > GIVE_UP_MS) {
      throw new Error(`Search index ${indexes.join(", ")} still building after 30 min; it goes on in the background.`)
    }
    logger.info(`  … ${details.map((i) => `${i.name}: ${i.status}`).join(", ")}`)
  }
}
