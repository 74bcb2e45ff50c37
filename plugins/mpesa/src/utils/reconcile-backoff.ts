/**
 * How long reconciliation leaves a push alone after its STK Query failed
 * (Daraja down, a 5xx, a time-out): one minute, doubling per failure in a
 * row, at most an hour. Requests whose query keeps failing then no longer
 * crowd out new lost callbacks, which are checked oldest first.
 */
export const FIRST_BACKOFF_MS = 60_000
export const MAX_BACKOFF_MS = 60 * 60_000

export function nextCheckDelayMs(failuresInARow: number): number {
  if (!Number.isSafeInteger(failuresInARow) || failuresInARow < 1) {
    return 0
  }
  return Math.min(FIRST_BACKOFF_MS * 2 ** Math.min(failuresInARow - 1, 30), MAX_BACKOFF_MS)
}
