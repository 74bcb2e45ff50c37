import { MedusaError } from "@medusajs/framework/utils"

/**
 * Provider failures carry their retry class in the message, because Medusa's
 * notification module re-wraps whatever a provider throws into a new
 * MedusaError and only the message survives:
 *   "[temporary] Africa's Talking answered 503: Service Unavailable"
 *   "[permanent] Twilio rejected the message (21211): Invalid 'To' Phone Number"
 * Temporary failures are retried with backoff; permanent ones are recorded at once.
 */
export type FailureKind = "temporary" | "permanent"

export function providerError(kind: FailureKind, message: string): MedusaError {
  return new MedusaError(
    kind === "permanent" ? MedusaError.Types.INVALID_DATA : MedusaError.Types.UNEXPECTED_STATE,
    `[${kind}] ${message}`
  )
}

/** Medusa's own refusals that no retry can fix: a channel without (enabled) provider. */
const CONFIGURATION = /Could not find a notification provider for channel|Notification provider \S+ is not enabled/

/** Reads the class back from a (possibly re-wrapped) message; unknown failures count as temporary. */
export function failureKind(message: string): FailureKind {
  return /\[permanent\]/.test(message) || CONFIGURATION.test(message) ? "permanent" : "temporary"
}

/** The provider's own words, without Medusa's "Failed to send notification with id …" wrapper. */
export function failureReason(message: string): string {
  return message
    .replace(/^Failed to send notification with id \S+:\s*/s, "")
    .replace(/\[(temporary|permanent)\]\s*/, "")
    .trim()
}

/** HTTP statuses worth retrying: rate limits, timeouts, server trouble. */
export const isRetryableStatus = (status: number) => status === 408 || status === 429 || status >= 500

/** Network failures (no HTTP answer) are always worth retrying. */
export function describeNetworkError(error: unknown): string {
  const e = error as { name?: string; message?: string; code?: string; cause?: { code?: string; message?: string } }
  if (e?.name === "TimeoutError" || e?.name === "AbortError") {
    return "no answer before the timeout"
  }
  const code = e?.cause?.code ?? e?.code
  return code ? `network error ${code}` : `network error: ${e?.cause?.message ?? e?.message ?? String(error)}`
}
