import type { MedusaContainer } from "@medusajs/framework/types"
import { purgeMpesaLogsWorkflow } from "../workflows/purge-mpesa-logs"
import { mpesaProviderOptions } from "./provider-options"

const DAY_MS = 86_400_000
/** Rows per workflow run; a run repeats until a batch comes back short. */
export const PURGE_BATCH = 1_000
/** At most this many batches per call, so one night's job always ends. */
const MAX_BATCHES = 100

/** Deletes what is past the retention settings (callbackLogRetentionDays, pushAttemptRetentionDays). */
export async function purgeMpesaLogs(container: MedusaContainer, now = new Date()) {
  const options = mpesaProviderOptions(container)
  const input = {
    callbacks_before: new Date(now.getTime() - options.callbackLogRetentionDays * DAY_MS).toISOString(),
    attempts_before: new Date(now.getTime() - options.pushAttemptRetentionDays * DAY_MS).toISOString(),
    limit: PURGE_BATCH,
  }
  const total = { callbacks: 0, attempts: 0 }
  for (let batch = 0; batch < MAX_BATCHES; batch++) {
    const { result } = await purgeMpesaLogsWorkflow(container).run({ input })
    total.callbacks += result.callbacks
    total.attempts += result.attempts
    if (result.callbacks < PURGE_BATCH && result.attempts < PURGE_BATCH) {
      break
    }
  }
  return total
}
