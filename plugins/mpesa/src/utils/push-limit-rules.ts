/** The three things a prompt is counted against, one hour at a time. */
export type PushLimitKind = "phone" | "cart" | "client"

export const PUSH_LIMIT_WINDOW_SECONDS = 60 * 60

/** Whole seconds to wait, at least 1, for the Retry-After header. */
export function retryAfterSeconds(msBeforeNext: number): number {
  return Math.max(1, Math.ceil(msBeforeNext / 1000))
}

/** "about 1 minute", "12 minutes": the wait in words a shopper reads at a glance. */
export function waitInWords(seconds: number): string {
  const minutes = Math.max(1, Math.ceil(seconds / 60))
  return minutes === 1 ? "about 1 minute" : `${minutes} minutes`
}

/**
 * The 429 message the storefront shows. It says what was limited and how
 * long to wait, and never which other phone or cart used the slots.
 */
export function pushLimitMessage(kind: PushLimitKind, limit: number, retryAfter: number): string {
  const wait = `Please try again in ${waitInWords(retryAfter)}.`
  switch (kind) {
    case "phone":
      return `Too many M-Pesa prompts were sent to this phone in the last hour (limit ${limit}). ${wait}`
    case "cart":
      return `Too many M-Pesa prompts were requested for this order in the last hour (limit ${limit}). ${wait}`
    case "client":
      return `Too many M-Pesa prompts were requested from your network in the last hour (limit ${limit}). ${wait}`
  }
}
