import type { C2bPaymentInput } from "../modules/mpesa/c2b-record"
import { normalizeAccountRef, parseTransAmount } from "./c2b-account"
import { maskedPhone, visiblePhoneDigits } from "./c2b-phone"
import { cleanUntrustedText } from "./text"

/**
 * Pull Transactions: Daraja's own list of what was paid to the shortcode,
 * the safety net for confirmations that never arrived. Its records are
 * Safaricom's answer, not a hint, so a payment read here counts as confirmed.
 */

const EAT_OFFSET_MS = 3 * 60 * 60 * 1000
const pad = (n: number) => String(n).padStart(2, "0")

/** `YYYY-MM-DD HH:mm:ss` in EAT, the format Pull Transactions takes. */
export function pullDate(at: Date): string {
  const d = new Date(at.getTime() + EAT_OFFSET_MS)
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value)

/**
 * A Pull record (`{transactionId, trxDate, msisdn, transactiontype,
 * billreference, amount}`) as a ledger row for `shortcode`; null for a
 * record that is not a payment in or has no usable TransID.
 */
export function pullRecordToInput(raw: unknown, shortcode: string): Omit<C2bPaymentInput, "source"> | null {
  if (!isRecord(raw)) {
    return null
  }
  const transId = typeof raw.transactionId === "string" ? raw.transactionId.trim() : ""
  if (!/^[A-Za-z0-9]{6,20}$/.test(transId)) {
    return null
  }
  const type = String(raw.transactiontype ?? "").toLowerCase()
  const kind = type.includes("buy-goods") || type.includes("buygoods") ? "till" : type.includes("pay-bill") || type.includes("paybill") ? "paybill" : null
  if (!kind) {
    return null
  }
  const billRef = cleanUntrustedText(raw.billreference, 40) || undefined
  const ref = kind === "paybill" && billRef ? normalizeAccountRef(billRef, "both") : undefined
  const amount = parseTransAmount(raw.amount)
  const at = typeof raw.trxDate === "string" ? new Date(raw.trxDate) : null
  return {
    trans_id: transId.toUpperCase(),
    kind,
    shortcode,
    account_ref_raw: kind === "paybill" ? billRef ?? null : null,
    account_ref: ref?.ok ? ref.value : null,
    account_ref_kind: ref?.ok ? ref.kind : null,
    amount_raw: cleanUntrustedText(raw.amount, 24) ?? null,
    amount_kes: amount.ok ? amount.kes : null,
    msisdn_masked: maskedPhone(visiblePhoneDigits(raw.msisdn)),
    first_name: null,
    trans_time: at && Number.isFinite(at.getTime()) ? at : null,
  }
}
