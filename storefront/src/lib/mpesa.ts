/** The M-Pesa plugin's store contract (GET /store/mpesa/status, POST /store/mpesa/retry). */
export type MpesaState = "pending" | "paid" | "failed" | "cancelled" | "expired"

export type MpesaStatus = {
  status: MpesaState
  shopper_message: string
  reason?: string
  receipt?: string
  amount_kes?: number
  phone_masked?: string
  can_retry: boolean
  order_id?: string
}

export const TERMINAL: MpesaState[] = ["paid", "failed", "cancelled", "expired"]

export function isMpesaStatus(value: unknown): value is MpesaStatus {
  const v = value as MpesaStatus | null
  return Boolean(v && typeof v === "object" && typeof v.status === "string" && ["pending", "paid", "failed", "cancelled", "expired"].includes(v.status))
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

/** Headline for each state, in words a shopper expects. */
export function mpesaHeadline(status: MpesaState): string {
  switch (status) {
    case "pending":
      return "Check your phone"
    case "paid":
      return "Payment received"
    case "cancelled":
      return "Payment cancelled"
    case "expired":
      return "The prompt expired"
    case "failed":
      return "Payment didn't go through"
  }
}
