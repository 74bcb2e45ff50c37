import { MedusaError } from "@medusajs/framework/utils"

/** What recordC2bPayment stores about a new M-Pesa transaction; its state starts at "received". */
export type C2bPaymentInput = {
  trans_id: string
  kind: "paybill" | "till"
  source: "confirmation" | "pull" | "validation"
  shortcode: string
  account_ref_raw?: string | null
  account_ref?: string | null
  account_ref_kind?: "display_id" | "short_code" | null
  amount_raw?: string | null
  amount_kes?: number | null
  msisdn_masked?: string | null
  first_name?: string | null
  trans_time?: Date | null
  raw_body?: Record<string, unknown> | null
}

export const C2B_RECORD_COLUMNS: { name: keyof C2bPaymentInput; json?: true }[] = [
  { name: "trans_id" },
  { name: "kind" },
  { name: "source" },
  { name: "shortcode" },
  { name: "account_ref_raw" },
  { name: "account_ref" },
  { name: "account_ref_kind" },
  { name: "amount_raw" },
  { name: "amount_kes" },
  { name: "msisdn_masked" },
  { name: "first_name" },
  { name: "trans_time" },
  { name: "raw_body", json: true },
]

const invalid = (message: string) => new MedusaError(MedusaError.Types.INVALID_DATA, message)

/**
 * The row's values in column order, after the checks the database cannot
 * make: a TransID that is a receipt, whole KES, and a payer number that
 * shows no more than a masked one (never a full phone number in the ledger).
 */
export function c2bRecordValues(input: C2bPaymentInput): unknown[] {
  if (typeof input.trans_id !== "string" || !/^[A-Z0-9]{6,20}$/i.test(input.trans_id)) {
    throw invalid("A C2B payment needs its M-Pesa transaction id (TransID), 6 to 20 letters and digits")
  }
  if (input.amount_kes != null && (!Number.isSafeInteger(input.amount_kes) || input.amount_kes < 1)) {
    throw invalid("A C2B payment's amount_kes must be a whole number of KES")
  }
  if (input.msisdn_masked != null && (input.msisdn_masked.match(/\d/g) ?? []).length > 7) {
    throw invalid("A C2B payment keeps the payer's number masked (e.g. 2547***126), never whole")
  }
  return C2B_RECORD_COLUMNS.map(({ name, json }) => {
    const value = input[name]
    if (value === undefined || value === null) {
      return null
    }
    return json ? JSON.stringify(value) : value
  })
}
