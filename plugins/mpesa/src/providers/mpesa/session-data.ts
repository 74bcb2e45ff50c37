import type { ResolvedC2bOptions } from "./types"

/**
 * What an M-Pesa payment session's `data` holds. It is returned to the
 * storefront, so it carries the shopper-facing state and never a credential
 * or a full phone number.
 */
export type MpesaSessionStatus = "pending" | "paid" | "failed"

export type MpesaSessionData = {
  /** As the shopper typed it (storefront input); dropped once the prompt is sent. */
  phone?: string
  /** Sessions made before phones were sealed kept the number in the clear here. */
  msisdn?: string
  /** The number the prompt went to, sealed (phone-seal.ts): readable only by the plugin. */
  phone_sealed?: string
  phone_masked?: string
  /** Whole KES pushed; see toMpesaAmount for the rounding. */
  amount_kes?: number
  /**
   * Daraja's CheckoutRequestID, sealed (phone-seal.ts): it ends with the
   * phone's last nine digits. `checkout_ref` finds the session by it.
   */
  checkout_sealed?: string
  checkout_ref?: string
  /** Sessions made before CheckoutRequestIDs were sealed kept it in the clear here. */
  checkout_request_id?: string
  merchant_request_id?: string
  status?: MpesaSessionStatus
  /** Why it failed, for the merchant and the shopper. */
  reason?: string
  /** What to tell the shopper now. */
  shopper_message?: string
  receipt_number?: string
  pushed_at?: string
  /** Set by the retry route: send a new prompt on the next update. */
  new_push?: boolean
  session_id?: string
  /**
   * Set when a paybill/till payment (C2B) pays the order instead of the
   * prompt: the session then authorizes without asking STK Query, and each
   * C2B payment is captured for its own amount (a short one leaves a balance).
   */
  c2b_authorized?: boolean
  /** The M-Pesa receipts (TransIDs) of the C2B payments captured on this session. */
  c2b_receipts?: string[]
  /** How to pay without the prompt, for the order's messages (set when C2B is on). */
  pay_another_way?: PayAnotherWay
  [key: string]: unknown
}

/**
 * Paying by hand instead of the prompt: public numbers only. `account` says
 * what to type at a paybill: "order_number" (the order's display id); null
 * for a till, which has no account field.
 */
export type PayAnotherWay = { type: "paybill" | "till"; number: string; account: "order_number" | null }

/**
 * What the session tells other plugins (the order's email and SMS) about
 * paying another way, or nothing: C2B off, or a paybill that accepts only the
 * order page's short code, which no message can know before the order exists.
 */
export function payAnotherWay(c2b: ResolvedC2bOptions | undefined): PayAnotherWay | undefined {
  if (!c2b) {
    return undefined
  }
  if (c2b.type === "till") {
    return { type: "till", number: c2b.shortcode, account: null }
  }
  return c2b.accountFormat === "short_code" ? undefined : { type: "paybill", number: c2b.shortcode, account: "order_number" }
}

export function maskMsisdn(msisdn: string): string {
  return msisdn.length > 7 ? `${msisdn.slice(0, 4)}***${msisdn.slice(-3)}` : "***"
}

export const PENDING_MESSAGE =
  "Check your phone: enter your M-Pesa PIN on the prompt to pay. This page updates by itself."
export const PAID_MESSAGE = "Payment received. Thank you!"
