import { model } from "@medusajs/framework/utils"

/** See utils/stk-request-transitions.ts for how a request moves between these. */
export const STK_REQUEST_STATUSES = ["pending", "paid", "failed", "cancelled", "expired", "review", "refunded"] as const
export type StkRequestStatus = (typeof STK_REQUEST_STATUSES)[number]

/**
 * One STK push and what became of it. The payment session keeps what the
 * storefront sees; this row is the merchant's ledger and the reconciliation
 * job's work list.
 */
export const StkRequest = model
  .define("mpesa_stk_request", {
    id: model.id({ prefix: "mstk" }).primaryKey(),
    checkout_request_id: model.text().unique(),
    merchant_request_id: model.text().nullable(),
    payment_session_id: model.text().index(),
    payment_collection_id: model.text().nullable(),
    cart_id: model.text().nullable(),
    order_id: model.text().index().nullable(),
    phone: model.text().index(),
    /** Whole KES sent in the push (see toMpesaAmount for rounding). */
    amount_kes: model.number(),
    status: model.enum([...STK_REQUEST_STATUSES]).default("pending"),
    result_code: model.text().nullable(),
    result_desc: model.text().nullable(),
    shopper_message: model.text().nullable(),
    receipt_number: model.text().unique().nullable(),
    /** Why the request is (or was, once "refunded") in "review" (amount mismatch, session gone, second payment…); needs a merchant. */
    flag: model.text().nullable(),
    raw_callback: model.json().nullable(),
    callback_received_at: model.dateTime().nullable(),
    settled_at: model.dateTime().nullable(),
    /** When Medusa's payment for this request was captured; paid rows without it get retried. */
    captured_at: model.dateTime().nullable(),
    /**
     * When this plugin's subscriber saw Medusa's `payment.captured` for it. A
     * capture whose worker died before the workflow released its events is
     * captured but was never announced; reconciliation announces it again.
     */
    announced_at: model.dateTime().nullable(),
    last_queried_at: model.dateTime().nullable(),
    /** STK Queries that failed in a row; reconciliation backs off on them. */
    query_failures: model.number().default(0),
    /** Reconciliation leaves the request alone until then (backoff). */
    next_check_at: model.dateTime().nullable(),
  })
  // Reconciliation's work lists, oldest first, stay cheap however large the ledger grows:
  // pending pushes by age, the (few) paid pushes Medusa has not captured yet,
  // and the (fewer) captures whose announcement never arrived.
  .indexes([
    { on: ["status", "created_at"] },
    {
      name: "IDX_mpesa_stk_request_uncaptured",
      on: ["created_at"],
      where: "status = 'paid' AND captured_at IS NULL AND deleted_at IS NULL",
    },
    {
      name: "IDX_mpesa_stk_request_unannounced",
      on: ["captured_at"],
      where: "captured_at IS NOT NULL AND announced_at IS NULL AND deleted_at IS NULL",
    },
  ])
