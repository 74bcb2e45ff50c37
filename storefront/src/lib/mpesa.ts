/** The M-Pesa plugin's store contract (GET /store/mpesa/status, POST /store/mpesa/retry). */
export type MpesaState = "pending" | "paid" | "failed" | "cancelled" | "expired"

export type MpesaStatus = {
  status: MpesaState
  /** The backend's sentence for the shopper, in English. */
  shopper_message: string
  /**
   * Names that sentence (paid, pending, review, sent_back, failed, or
   * code_<ResultCode> such as code_1032) so the page can say it in the
   * shopper's language; absent from older backends.
   */
  message_key?: string
  /** For the merchant: English, the Daraja wording. */
  reason?: string
  receipt?: string
  amount_kes?: number
  phone_masked?: string
  can_retry: boolean
  order_id?: string
  /** Given to the cart's holder once the cart is an order: the order page link carries it. */
  order_token?: string
  /** Whether a new prompt may go to another number (the signed-in customer, or the cart before it is an order). */
  can_change_phone?: boolean
}

export const TERMINAL: MpesaState[] = ["paid", "failed", "cancelled", "expired"]

export function isMpesaStatus(value: unknown): value is MpesaStatus {
  const v = value as MpesaStatus | null
  return Boolean(v && typeof v === "object" && typeof v.status === "string" && ["pending", "paid", "failed", "cancelled", "expired"].includes(v.status))
}

/** The `mpesaOutcome` messages: next-intl's `useTranslations("mpesaOutcome")`, or a test's stand-in. */
export type OutcomeWords = { (key: string): string; has(key: string): boolean }

/**
 * The keys the plugin makes (shopper-status.ts): anything else is not looked up.
 * A dot would be read as nesting, and `t.has` also says yes to an object's own
 * inherited names ("__proto__", "constructor").
 */
const MESSAGE_KEY = /^(paid|pending|review|sent_back|failed|code_[A-Za-z0-9_]{1,32})$/

/**
 * What the shopper reads about the payment: the shop's own message for the
 * backend's `message_key`, in the shopper's language, when there is one; else
 * the backend's English sentence (an older backend without keys, or a code the
 * plugin learnt after these messages were written).
 */
export function outcomeMessage(status: Pick<MpesaStatus, "message_key" | "shopper_message">, t: OutcomeWords): string {
  const key = status.message_key
  return key && MESSAGE_KEY.test(key) && t.has(key) ? t(key) : status.shopper_message
}

/**
 * The backend's reason under a failed payment's message, or undefined. It is
 * English (Daraja's words, written for the merchant), so a Swahili page leaves
 * it out rather than mix languages; the translated message already says what
 * happened and what to do.
 */
export function reasonLine(status: Pick<MpesaStatus, "status" | "reason" | "shopper_message">, englishPage: boolean): string | undefined {
  const failed = status.status === "failed" || status.status === "cancelled" || status.status === "expired"
  return englishPage && failed && status.reason && status.reason !== status.shopper_message ? status.reason : undefined
}

/** How long to wait before asking again: quick at first, slower after a minute, paused states excluded. */
export function nextPollDelay(elapsedMs: number): number {
  if (elapsedMs < 60_000) {
    return 2_000
  }
  if (elapsedMs < 5 * 60_000) {
    return 5_000
  }
  return 15_000
}

/** The order-link token's shape (base64url HMAC); anything else is dropped, never sent on. */
const ORDER_TOKEN = /^[A-Za-z0-9_-]{16,100}$/

export function orderTokenOf(value: unknown): string | undefined {
  return typeof value === "string" && ORDER_TOKEN.test(value) ? value : undefined
}

/** An order page (pay or confirmed) link that keeps the guest's proof of the order. */
export function orderPagePath(country: string, orderId: string, page: "pay" | "confirmed", token?: string): string {
  const path = `/${country}/order/${encodeURIComponent(orderId)}/${page}`
  const valid = orderTokenOf(token)
  return valid ? `${path}?token=${valid}` : path
}

/** The polling URL of the storefront's own status route. */
export function statusPollUrl(orderId: string, token?: string): string {
  const valid = orderTokenOf(token)
  return `/api/mpesa/status?order_id=${encodeURIComponent(orderId)}${valid ? `&token=${valid}` : ""}`
}

/**
 * Seconds from a Retry-After header (whole seconds; an HTTP date also works),
 * or undefined when there is none or it makes no sense.
 */
export function retryAfterSeconds(header: string | null | undefined, now = Date.now()): number | undefined {
  if (!header) {
    return undefined
  }
  const trimmed = header.trim()
  if (/^\d+$/.test(trimmed)) {
    const seconds = Number(trimmed)
    return seconds > 0 ? Math.min(seconds, 24 * 3600) : undefined
  }
  const at = Date.parse(trimmed)
  if (Number.isNaN(at) || at <= now) {
    return undefined
  }
  return Math.min(Math.ceil((at - now) / 1000), 24 * 3600)
}
