export type MpesaTransaction = {
  id: string
  checkout_request_id: string
  order_id: string | null
  phone: string
  amount_kes: number
  status: "pending" | "paid" | "failed" | "cancelled" | "expired" | "review" | "refunded"
  result_code: string | null
  result_desc: string | null
  receipt_number: string | null
  flag: string | null
  created_at: string
  settled_at: string | null
  captured_at: string | null
}

export type MpesaCallback = {
  id: string
  checkout_request_id: string | null
  matched: boolean
  outcome: string
  detail: string | null
  created_at: string
}

export const STATUS_COLOR: Record<MpesaTransaction["status"], "green" | "orange" | "red" | "grey"> = {
  paid: "green",
  pending: "orange",
  failed: "red",
  cancelled: "grey",
  expired: "grey",
  // Money that does not add up: the merchant decides (see the plugin README, "review").
  review: "red",
  // Sent back to the phone from review: its refund rows say how far Safaricom got.
  refunded: "grey",
}

export const formatKes = (amount: number) => `KES ${amount.toLocaleString("en-KE")}`
export const formatTime = (iso: string | null) => (iso ? new Date(iso).toLocaleString() : "")

/** A refund of one payment, as the statement shows it. */
export type MpesaRefundRow = {
  id: string
  method: "reversal" | "b2c"
  status: "requested" | "pending" | "unknown" | "confirming" | "reversed" | "paid_out" | "failed"
  amount_kes: number
  payout_receipt: string | null
  result_desc: string | null
  created_at: string
  settled_at: string | null
}

/** One payment of GET /admin/mpesa/transactions: its refunds and its order's display number; the phone masked. */
export type MpesaStatementPayment = Omit<MpesaTransaction, "phone"> & {
  phone_masked: string
  flag_text: string | null
  order_display_id: number | null
  refunds: MpesaRefundRow[]
  refunded_kes: number
  pending_kes: number
  refundable_kes: number
}

export type MpesaReviewRow = MpesaStatementPayment & { can_attach: boolean; can_refund: boolean }

export type MpesaStatementDay = {
  date: string
  in_kes: number
  in_count: number
  out_kes: number
  out_count: number
  pending_out_kes: number
  unconfirmed_kes: number
  net_kes: number
}

export type MpesaStatement = {
  time_zone: string
  from: string
  to: string
  days: MpesaStatementDay[]
  totals: { in_kes: number; out_kes: number; pending_out_kes: number; unconfirmed_kes: number; net_kes: number }
}

export const REFUND_COLOR: Record<MpesaRefundRow["status"], "green" | "orange" | "red" | "grey"> = {
  reversed: "green",
  paid_out: "green",
  requested: "orange",
  pending: "orange",
  confirming: "orange",
  // No answer from Safaricom: blocks the next refund until Transaction Status says what happened.
  unknown: "red",
  failed: "grey",
}
