export type MpesaTransaction = {
  id: string
  checkout_request_id: string
  order_id: string | null
  phone: string
  amount_kes: number
  status: "pending" | "paid" | "failed" | "cancelled" | "expired" | "review"
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
}

export const formatKes = (amount: number) => `KES ${amount.toLocaleString("en-KE")}`
export const formatTime = (iso: string | null) => (iso ? new Date(iso).toLocaleString() : "")
