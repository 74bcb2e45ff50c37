import { model } from "@medusajs/framework/utils"

export const REVERSAL_STATUSES = ["pending", "reversed", "failed"] as const

/**
 * A refund through Daraja's Reversal API. Safaricom answers later at the
 * ResultURL; the Medusa refund is recorded only once it says reversed.
 */
export const Reversal = model.define("mpesa_reversal", {
  id: model.id({ prefix: "mrev" }).primaryKey(),
  stk_request_id: model.text().index(),
  order_id: model.text().index().nullable(),
  payment_id: model.text().nullable(),
  receipt_number: model.text().index(),
  amount_kes: model.number(),
  status: model.enum([...REVERSAL_STATUSES]).default("pending"),
  conversation_id: model.text().unique().nullable(),
  originator_conversation_id: model.text().index().nullable(),
  result_code: model.text().nullable(),
  result_desc: model.text().nullable(),
  raw_result: model.json().nullable(),
  requested_by: model.text().nullable(),
  settled_at: model.dateTime().nullable(),
  refund_recorded_at: model.dateTime().nullable(),
})
