import type { C2bState } from "../../utils/c2b-transitions"

/** A paybill/till payment as GET /admin/mpesa/c2b/payments lists it: the payer only masked. */
export type MpesaC2bPayment = {
  id: string
  trans_id: string
  kind: "paybill" | "till"
  source: "confirmation" | "pull" | "validation"
  shortcode: string
  account_ref_raw: string | null
  account_ref: string | null
  amount_kes: number | null
  amount_raw: string | null
  msisdn_masked: string | null
  first_name: string | null
  trans_time: string | null
  state: C2bState
  flag: string | null
  match_decision: string | null
  match_detail: Record<string, unknown> | null
  order_id: string | null
  confirmed_at: string | null
  captured_at: string | null
  created_at: string
}

export type MpesaC2bPaymentList = { payments: MpesaC2bPayment[]; count: number; limit: number; offset: number }

/** GET /admin/mpesa/c2b/registration: whether C2B is on, and the URLs' last registration with Daraja. */
export type MpesaC2bRegistrationStatus = {
  enabled: boolean
  shortcode?: string
  type?: "paybill" | "till"
  validation?: boolean
  pull_transactions?: boolean
  registration: {
    status: "registered" | "failed"
    detail: string | null
    requested_by: string | null
    registered_at: string | null
    attempted_at: string
  } | null
}
