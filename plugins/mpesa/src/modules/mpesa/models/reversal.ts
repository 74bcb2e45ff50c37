import { model } from "@medusajs/framework/utils"

/** See utils/refund-transitions.ts for how a refund moves between these. */
export const REVERSAL_STATUSES = ["requested", "pending", "unknown", "confirming", "reversed", "paid_out", "failed"] as const
export const REFUND_METHODS = ["reversal", "b2c"] as const

/**
 * A refund of an M-Pesa payment: the whole payment through Daraja's Reversal
 * API ("reversed"), or part of it paid back to the shopper's phone by B2C
 * ("paid_out"). Safaricom answers later at the ResultURL; the Medusa refund
 * is recorded only once Transaction Status confirms it. The row is written
 * before Daraja is called ("requested"), so a request whose answer is lost
 * still blocks the next refund until its status is known.
 */
export const Reversal = model
  .define("mpesa_reversal", {
    id: model.id({ prefix: "mrev" }).primaryKey(),
    /** The payment refunded: an STK request (mstk_…), or a paybill/till payment (mc2b_…) no order captured. */
    stk_request_id: model.text().index(),
    order_id: model.text().index().nullable(),
    payment_id: model.text().nullable(),
    method: model.enum([...REFUND_METHODS]).default("reversal"),
    /** The paid push's receipt (what a reversal reverses). */
    receipt_number: model.text().index(),
    amount_kes: model.number(),
    /** B2C only: the phone paid back, and Safaricom's receipt for the payout. */
    msisdn: model.text().nullable(),
    payout_receipt: model.text().unique().nullable(),
    status: model.enum([...REVERSAL_STATUSES]).default("pending"),
    conversation_id: model.text().unique().nullable(),
    originator_conversation_id: model.text().index().nullable(),
    result_code: model.text().nullable(),
    result_desc: model.text().nullable(),
    raw_result: model.json().nullable(),
    requested_by: model.text().nullable(),
    settled_at: model.dateTime().nullable(),
    refund_recorded_at: model.dateTime().nullable(),
    /** The Transaction Status query that confirms the result (its ids, to match its answer). */
    status_conversation_id: model.text().index().nullable(),
    status_queried_at: model.dateTime().nullable(),
    /**
     * The Daraja ids came from a result body (the request itself got no answer),
     * not from Safaricom's acknowledgement: a "not found" for them proves nothing.
     */
    ids_from_result: model.boolean().default(false),
    /**
     * For a refund Daraja never answered (no id to ask about): the receipt the
     * merchant found on the M-Pesa statement. Transaction Status is asked about
     * it, and only its answer settles the refund. Unique: one receipt, one refund.
     */
    claimed_receipt: model.text().unique().nullable(),
    claimed_by: model.text().nullable(),
  })
  .indexes([{ on: ["status", "created_at"] }])
