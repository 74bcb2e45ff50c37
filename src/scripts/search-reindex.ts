import type { ExecArgs } from "@medusajs/framework/types"
import { rebuildSearchIndexes } from "../lib/search/rebuild"

/**
 * `npm run search:reindex`: rebuilds the catalog's search index from the
 * database (Medusa's Search Module; the definition is src/search/product.ts).
 * Medusa keeps the index current from product events and fills an empty one
 * when a server starts; this is for recovering one that drifted, or after
 * changing what the definition indexes. The old version keeps serving until
 * the new one is built, so the shop stays searchable meanwhile.
 */
export default async function searchReindex({ container }: ExecArgs) {
  const logger = container.resolve("logger")
  await rebuildSearchIndexes(container, ["product"], (line) => logger.info(line))
}
