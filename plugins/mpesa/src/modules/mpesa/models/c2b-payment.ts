import { model } from "@medusajs/framework/utils"
import { C2B_STATES } from "../../../utils/c2b-transitions"

/** The states are the transition function's own (utils/c2b-transitions.ts), so the two cannot drift apart. */
export const C2B_PAYMENT_STATES = C2B_STATES
export const C2B_PAYMENT_KINDS = ["paybill", "till"] as const
export const C2B_PAYMENT_SOURCES = ["confirmation", "pull", "validation"] as const
export const C2B_MATCH_DECISIONS = ["exact", "short", "over", "already_paid", "ambiguous", "unknown"] as const
export const C2B_ACCOUNT_KINDS = ["display_id", "short_code"] as const

/**
 * A payment a shopper made to the shop's paybill or till by hand (or by
 * Dynamic QR), as Daraja's C2B confirmation, validation or Pull Transactions
 * reported it. One row per M-Pesa transaction (TransID, unique): every copy
 * of a confirmation lands on the same row. The payer's number is kept only
 * masked, as Daraja shows it.
 */
export const C2bPayment = model
  .define("mpesa_c2b_payment", {
    id: model.id({ prefix: "mc2b" }).primaryKey(),
    /** M-Pesa's transaction id (the receipt on the shopper's SMS). */
    trans_id: model.text().unique(),
    kind: model.enum([...C2B_PAYMENT_KINDS]),
    source: model.enum([...C2B_PAYMENT_SOURCES]).default("confirmation"),
    /** BusinessShortCode the money went to. */
    shortcode: model.text(),
    /** BillRefNumber as typed (paybill), capped; null for a till. */
    account_ref_raw: model.text().nullable(),
    /** The order reference read from it (c2b-account.ts): the display id or short code. */
    account_ref: model.text().index().nullable(),
    account_ref_kind: model.enum([...C2B_ACCOUNT_KINDS]).nullable(),
    /** TransAmount as received ("1,500.00"). */
    amount_raw: model.text().nullable(),
    /** Whole KES; null when TransAmount was not a whole amount (then the payment is in review). */
    amount_kes: model.number().nullable(),
    /** "2547***126": what Daraja's mask shows, never more. */
    msisdn_masked: model.text().nullable(),
    first_name: model.text().nullable(),
    /** TransTime (EAT), as an instant. */
    trans_time: model.dateTime().nullable(),
    state: model.enum([...C2B_PAYMENT_STATES]).default("received"),
    /** Why the payment is (or was) in review. */
    flag: model.text().nullable(),
    match_decision: model.enum([...C2B_MATCH_DECISIONS]).nullable(),
    /** The decision's details (amounts outstanding, balance or excess, candidate orders). */
    match_detail: model.json().nullable(),
    order_id: model.text().index().nullable(),
    /** Read by the payment.captured subscriber for every captured payment, so indexed. */
    payment_collection_id: model.text().index().nullable(),
    /** The confirmation body, sanitised (sanitize-c2b-body.ts): masked MSISDN, no middle or last name. */
    raw_body: model.json().nullable(),
    confirmed_at: model.dateTime().nullable(),
    matched_at: model.dateTime().nullable(),
    /** When Medusa's payment for it was captured; decided rows without it get retried. */
    captured_at: model.dateTime().nullable(),
    /**
     * When Medusa's `payment.captured` for it reached this plugin's subscriber.
     * Reconciliation announces captures still without it after a grace period
     * (a worker died before its workflow released the event).
     */
    announced_at: model.dateTime().nullable(),
    /** The Transaction Status query that confirms it (to match its answer to this row). */
    status_conversation_id: model.text().index().nullable(),
    last_checked_at: model.dateTime().nullable(),
    /** Confirmation attempts that failed in a row; the confirming job backs off on them. */
    check_failures: model.number().default(0),
    next_check_at: model.dateTime().nullable(),
  })
  // The work lists (to confirm, to capture, for the merchant), oldest first, stay on indexes.
  .indexes([
    { on: ["state", "created_at"] },
    {
      name: "IDX_mpesa_c2b_payment_unannounced",
      on: ["captured_at"],
      where: "captured_at IS NOT NULL AND announced_at IS NULL AND deleted_at IS NULL",
    },
  ])
