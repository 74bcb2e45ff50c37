import type { C2bPaymentInput } from "../modules/mpesa/c2b-record"
import { normalizeAccountRef, parseTransAmount, type AccountRef } from "./c2b-account"
import { maskedPhone, visiblePhoneDigits, type VisibleDigits } from "./c2b-phone"
import type { C2bKind } from "./c2b-match"
import { cleanUntrustedText } from "./text"

/**
 * A C2B confirmation or validation body (Daraja POSTs the same shape to
 * both), read into what the ledger stores. Unsigned and typed by hand on a
 * phone, so only the TransID and shortcode are required to be well formed;
 * an unreadable account or amount is kept as it came and the payment ends
 * in review instead of being guessed at.
 */

export type C2bNotification = {
  /** The ledger row's values (source is the caller's: confirmation, validation or pull). */
  record: Omit<C2bPaymentInput, "source">
  account: AccountRef | null
  phone: VisibleDigits | null
}

export type ParsedC2bNotification = ({ ok: true } & C2bNotification) | { ok: false; reason: string }

const TRANS_ID = /^[A-Za-z0-9]{6,20}$/
const SHORTCODE = /^\d{5,8}$/
const TRANS_TIME = /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})$/
const EAT_OFFSET_MS = 3 * 60 * 60 * 1000

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value)

const field = (value: unknown): string | undefined =>
  typeof value === "string" ? value.trim() : typeof value === "number" && Number.isFinite(value) ? String(value) : undefined

/** TransTime `yyyyMMddHHmmss` in EAT as an instant; null when it is not a real time. */
export function parseTransTime(raw: unknown): Date | null {
  const match = TRANS_TIME.exec(field(raw) ?? "")
  if (!match) {
    return null
  }
  const [y, mo, d, h, mi, s] = match.slice(1).map(Number)
  const utc = Date.UTC(y, mo - 1, d, h, mi, s)
  const check = new Date(utc)
  if (check.getUTCMonth() !== mo - 1 || check.getUTCDate() !== d || h > 23 || mi > 59 || s > 59) {
    return null
  }
  return new Date(utc - EAT_OFFSET_MS)
}

/** Paybill or till from TransactionType ("Pay Bill", "Buy Goods", "CustomerBuyGoodsOnline"…). */
export function c2bKindOf(transactionType: unknown, billRef: string | undefined): C2bKind {
  const type = (field(transactionType) ?? "").toLowerCase().replace(/\s+/g, "")
  if (type.includes("buygoods")) {
    return "till"
  }
  if (type.includes("paybill")) {
    return "paybill"
  }
  return billRef ? "paybill" : "till"
}

/** Reads a confirmation/validation body; never throws. */
export function parseC2bNotification(body: unknown): ParsedC2bNotification {
  if (!isRecord(body)) {
    return { ok: false, reason: "Not a C2B payment: the body is not a JSON object" }
  }
  const transId = field(body.TransID)
  if (!transId || !TRANS_ID.test(transId)) {
    return { ok: false, reason: "TransID is missing or is not 6 to 20 letters and digits" }
  }
  const shortcode = field(body.BusinessShortCode)
  if (!shortcode || !SHORTCODE.test(shortcode)) {
    return { ok: false, reason: "BusinessShortCode is missing or is not 5 to 8 digits" }
  }
  const billRef = cleanUntrustedText(body.BillRefNumber, 40) || undefined
  const kind = c2bKindOf(body.TransactionType, billRef)
  const amount = parseTransAmount(body.TransAmount)
  const ref = kind === "paybill" && billRef ? normalizeAccountRef(billRef, "both") : undefined
  const account = ref?.ok ? { kind: ref.kind, value: ref.value } : null
  const phone = visiblePhoneDigits(body.MSISDN)
  return {
    ok: true,
    account,
    phone,
    record: {
      trans_id: transId.toUpperCase(),
      kind,
      shortcode,
      account_ref_raw: kind === "paybill" ? billRef ?? null : null,
      account_ref: account ? account.value : null,
      account_ref_kind: account ? account.kind : null,
      amount_raw: cleanUntrustedText(body.TransAmount, 24) ?? null,
      amount_kes: amount.ok ? amount.kes : null,
      msisdn_masked: maskedPhone(phone),
      first_name: cleanUntrustedText(body.FirstName, 40) || null,
      trans_time: parseTransTime(body.TransTime),
    },
  }
}

/** The stored account reference as the matcher takes it back. */
export function storedAccountRef(row: { account_ref?: string | null; account_ref_kind?: string | null }): AccountRef | null {
  if (!row.account_ref || (row.account_ref_kind !== "display_id" && row.account_ref_kind !== "short_code")) {
    return null
  }
  return { kind: row.account_ref_kind, value: row.account_ref }
}
