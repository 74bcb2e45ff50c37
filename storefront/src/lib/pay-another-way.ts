/**
 * "Pay another way": the M-Pesa plugin's paybill/till contract (GET
 * /store/mpesa/c2b, GET /store/mpesa/c2b/qr) and the rules for when the pay
 * page offers it. Pure, so the page and its tests share them.
 */
import { type MpesaStatus, orderTokenOf } from "./mpesa"
import { formatMoney } from "./util/money"

export type C2bPayment = { amount_kes: number | null; state: string; received_at: string }

export type C2bInstructions =
  | { available: false; reason: string }
  | {
      available: true
      type: "paybill" | "till"
      number: string
      /** What to type as the account; null for a till (till payments carry none). */
      account: string | null
      /** Whole KES still to pay. */
      amount_kes: number
      status: "awaiting" | "partial" | "paid"
      payments: C2bPayment[]
    }

export type AvailableC2b = Extract<C2bInstructions, { available: true }>

export function isC2bInstructions(value: unknown): value is C2bInstructions {
  const v = value as Record<string, unknown> | null
  if (!v || typeof v !== "object" || typeof v.available !== "boolean") {
    return false
  }
  if (!v.available) {
    return typeof v.reason === "string"
  }
  return (
    (v.type === "paybill" || v.type === "till") &&
    typeof v.number === "string" &&
    (v.account === null || typeof v.account === "string") &&
    typeof v.amount_kes === "number" &&
    ["awaiting", "partial", "paid"].includes(String(v.status))
  )
}

/**
 * Daraja's "the prompt never reached the phone" codes (1025, 9999): the
 * plugin names them in the message key, and older backends only in the reason.
 */
const PROMPT_NOT_SENT = /\b(1025|9999)\b/
const PROMPT_NOT_SENT_KEYS = ["code_1025", "code_9999"]

/**
 * Whether the prompt's outcome is one where paying by hand is the way out,
 * so the panel opens by itself: the phone could not be reached (1037) or
 * the prompt timed out (1019, or no answer: both arrive as "expired"), or
 * Daraja could not send it (1025/9999). Not after a cancel or a wrong PIN:
 * the shopper has the phone and a new prompt is the quicker fix.
 */
export function offersPayAnotherWay(status: Pick<MpesaStatus, "status" | "reason" | "message_key">): boolean {
  if (status.status === "expired") {
    return true
  }
  return (
    status.status === "failed" &&
    (PROMPT_NOT_SENT_KEYS.includes(status.message_key ?? "") || PROMPT_NOT_SENT.test(status.reason ?? ""))
  )
}

/**
 * A payment in the shop's review queue (money may have left the phone) shows
 * as pending with the message key `review` (older backends: only the plugin's
 * "do not pay again" sentence): offering another way to pay then would invite
 * paying twice.
 */
const IN_REVIEW = /do not pay again/i

/** Whether the page may offer "Pay another way" at all (by itself or on request). */
export function mayPayAnotherWay(status: Pick<MpesaStatus, "status" | "shopper_message" | "message_key">): boolean {
  return status.status !== "paid" && status.message_key !== "review" && !IN_REVIEW.test(status.shopper_message ?? "")
}

/** "KES 1,450": amounts are whole KES, shown the way M-Pesa shows them. */
export function kes(amount: number): string {
  return formatMoney(amount, "kes")
}

/** Words for the `payAnotherWay` messages: `useTranslations("payAnotherWay")`. */
export type PayAnotherWayWords = (key: "partial" | "stepOpen" | "stepTill" | "stepPaybill" | "stepTillNumber" | "stepBusinessNumber" | "stepAccount" | "stepAmount", values?: Record<string, string>) => string

/** What a shopper reads about a payment that fell short, or null when none did. */
export function partialNotice(c2b: AvailableC2b, t: PayAnotherWayWords): string | null {
  if (c2b.status !== "partial" || c2b.amount_kes <= 0) {
    return null
  }
  return t("partial", { amount: kes(c2b.amount_kes) })
}

/** The steps, in the order the M-Pesa menu asks for them. */
export function payAnotherWaySteps(c2b: AvailableC2b, t: PayAnotherWayWords): string[] {
  const amount = kes(c2b.amount_kes)
  if (c2b.type === "till") {
    return [t("stepOpen"), t("stepTill"), t("stepTillNumber", { number: c2b.number }), t("stepAmount", { amount })]
  }
  return [
    t("stepOpen"),
    t("stepPaybill"),
    t("stepBusinessNumber", { number: c2b.number }),
    t("stepAccount", { account: c2b.account ?? "" }),
    t("stepAmount", { amount }),
  ]
}

function refQuery(orderId: string, token?: string): string {
  const valid = orderTokenOf(token)
  return `order_id=${encodeURIComponent(orderId)}${valid ? `&token=${valid}` : ""}`
}

/** The storefront's own route the panel polls for the paybill/till state. */
export function c2bPollUrl(orderId: string, token?: string): string {
  return `/api/mpesa/c2b?${refQuery(orderId, token)}`
}

/** The storefront's own route that answers the payment QR code as a PNG. */
export function c2bQrUrl(orderId: string, token?: string): string {
  return `/api/mpesa/c2b/qr?${refQuery(orderId, token)}`
}

/** How long to wait between checks while the panel is open: a shopper paying by hand takes a minute or more. */
export const C2B_POLL_MS = 4_000
