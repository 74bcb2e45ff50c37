export type RetrySettings = { initialDelayMs: number; maxDelayMs: number; jitter: boolean }

/**
 * Wait before the attempt after `attempt` (1-based): initial × 2^(attempt-1),
 * capped, and with jitter spread ±20% so a gateway outage does not end in a
 * thundering herd of retries.
 */
export function backoffMs(attempt: number, settings: RetrySettings, random: () => number = Math.random): number {
  const exponential = settings.initialDelayMs * 2 ** Math.max(0, attempt - 1)
  const capped = Math.min(settings.maxDelayMs, exponential)
  const spread = settings.jitter ? 0.8 + 0.4 * random() : 1
  return Math.max(1, Math.round(capped * spread))
}

/** Medusa idempotency key of one attempt: the message key for the first, then key#n. */
export function attemptKey(key: string, attempt: number): string {
  return attempt <= 1 ? key : `${key}#${attempt}`
}
