import { createHash } from "node:crypto"
import { MathBN } from "@medusajs/framework/utils"
import { MPESA_MAX_AMOUNT_KES, MPESA_MIN_AMOUNT_KES } from "./amount"

/**
 * What a shopper types as the account (BillRefNumber) when paying a paybill
 * by hand, and what Daraja says they paid (TransAmount). Both come from a
 * phone keypad or an unsigned POST, so they are read forgivingly but never
 * guessed at: anything that is not clearly an order reference or a whole
 * amount is refused with a reason, and the payment goes to a person.
 */

/** Which references a shop prints on the order page and accepts as the account. */
export const C2B_ACCOUNT_FORMATS = ["display_id", "short_code", "both"] as const
export type C2bAccountFormat = (typeof C2B_ACCOUNT_FORMATS)[number]

export type AccountRef = { kind: "display_id"; value: string } | { kind: "short_code"; value: string }
export type AccountRefResult = ({ ok: true } & AccountRef) | { ok: false; reason: string }

/**
 * The short code's alphabet: digits 2–9 and the capital letters without I
 * and O, so nobody has to tell 0 from O or 1 from I (or l) on a receipt or a
 * phone screen. 32 symbols, 5 bits each.
 */
export const SHORT_CODE_ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ"
/** The first symbol is always a letter, so a code can never be read as a display id. */
export const SHORT_CODE_FIRST = "ABCDEFGHJKLMNPQRSTUVWXYZ"
export const SHORT_CODE_LENGTH = 6

const SHORT_CODE = new RegExp(`^[${SHORT_CODE_FIRST}][${SHORT_CODE_ALPHABET}]{${SHORT_CODE_LENGTH - 1}}$`)

/**
 * The short code printed on an order page, e.g. "K7M2QX": derived from the
 * order id alone (SHA-256 of it), so every instance computes the same code
 * without storing it. 24 × 32⁵ ≈ 805 million codes: two open orders sharing
 * one is rare, and the matcher treats that as ambiguous, never as a match.
 * Not a secret: it only says which order a payment is for.
 */
export function orderShortCode(orderId: string): string {
  const digest = createHash("sha256").update(`soko-c2b:${orderId}`).digest()
  let n = digest.readBigUInt64BE(0)
  let code = SHORT_CODE_FIRST[Number(n % 24n)]
  n /= 24n
  for (let i = 1; i < SHORT_CODE_LENGTH; i++) {
    code += SHORT_CODE_ALPHABET[Number(n % 32n)]
    n /= 32n
  }
  return code
}

/** Daraja caps BillRefNumber at 20 characters; a little slack for what a shop's own forms pass. */
const MAX_RAW_LENGTH = 40
/** Display ids are PostgreSQL integers: at most 10 digits. */
const MAX_DISPLAY_ID_DIGITS = 10
// What people put around a number: spaces, "#", dashes, dots, slashes, commas, colons.
const SEPARATORS = /[\s#\-_./,:]+/g
// "Order #1042", "ORDER NO. 1042", "ord 1042". No short code starts with O, so this never eats one.
const ORDER_WORD = /^(ORDER|ORD)(NUMBER|NO)?/

const EXAMPLE = 'the order number (e.g. 1042) or the code on the order page (e.g. K7M2QX)'

/**
 * The order reference in a BillRefNumber, forgiving case, spaces, "#", an
 * "Order" prefix, common separators and leading zeros ("#001042" → 1042,
 * "k7m-2qx" → K7M2QX). Refuses empty input, anything with other symbols,
 * and a kind of reference the shop does not accept (`format`).
 */
export function normalizeAccountRef(raw: unknown, format: C2bAccountFormat = "both"): AccountRefResult {
  if (typeof raw !== "string" && typeof raw !== "number") {
    return { ok: false, reason: `No account was entered; the account is ${EXAMPLE}` }
  }
  const text = String(raw).trim()
  if (text.length === 0) {
    return { ok: false, reason: `No account was entered; the account is ${EXAMPLE}` }
  }
  if (text.length > MAX_RAW_LENGTH) {
    return { ok: false, reason: `The account is too long to be an order reference; use ${EXAMPLE}` }
  }
  const compact = text.toUpperCase().replace(SEPARATORS, "").replace(ORDER_WORD, "")
  let ref: AccountRef
  if (/^\d+$/.test(compact)) {
    const digits = compact.replace(/^0+/, "")
    if (digits.length === 0 || digits.length > MAX_DISPLAY_ID_DIGITS) {
      return { ok: false, reason: `"${text}" is not an order number; use ${EXAMPLE}` }
    }
    ref = { kind: "display_id", value: digits }
  } else if (SHORT_CODE.test(compact)) {
    ref = { kind: "short_code", value: compact }
  } else {
    return { ok: false, reason: `"${text}" is not an order reference; use ${EXAMPLE}` }
  }
  if (format === "display_id" && ref.kind !== "display_id") {
    return { ok: false, reason: `"${text}" looks like an order code, but this shop takes the order number (e.g. 1042) as the account` }
  }
  if (format === "short_code" && ref.kind !== "short_code") {
    return { ok: false, reason: `"${text}" looks like an order number, but this shop takes the code on the order page (e.g. K7M2QX) as the account` }
  }
  return { ok: true, ...ref }
}

/** How a normalised reference is stored and compared: "display_id:1042", "short_code:K7M2QX". */
export const accountRefKey = (ref: AccountRef): string => `${ref.kind}:${ref.value}`

export type TransAmountResult =
  | { ok: true; kes: number }
  | { ok: false; problem: "unreadable" | "fractional" | "out_of_range"; reason: string }

// "150", "150.00", "1500.5", and thousands grouped properly: "1,500.00". Nothing else (no signs, exponents, "1,50").
const TRANS_AMOUNT = /^(\d{1,3}(,\d{3})+|\d+)(\.\d+)?$/
const MAX_AMOUNT_LENGTH = 24

/**
 * Whole KES from a C2B `TransAmount` ("150.00", "150", "1,500.00", or a JSON
 * number). M-Pesa moves whole shillings only, so a fractional amount
 * ("150.50") is not rounded either way: it is refused as `fractional`, and
 * the payment goes to review (a validation request is declined). Amounts
 * outside KES 1–250,000 are `out_of_range`. Parsed exactly with MathBN.
 */
export function parseTransAmount(raw: unknown): TransAmountResult {
  let text: string
  if (typeof raw === "number") {
    if (!Number.isFinite(raw)) {
      return { ok: false, problem: "unreadable", reason: "The amount is not a number" }
    }
    text = MathBN.convert(raw).toFixed()
  } else if (typeof raw === "string") {
    text = raw.trim()
  } else {
    return { ok: false, problem: "unreadable", reason: "The payment has no amount" }
  }
  if (text.length === 0 || text.length > MAX_AMOUNT_LENGTH || !TRANS_AMOUNT.test(text)) {
    return { ok: false, problem: "unreadable", reason: `"${text.slice(0, MAX_AMOUNT_LENGTH)}" is not an amount in KES` }
  }
  const exact = MathBN.convert(text.replace(/,/g, ""))
  if (!exact.isInteger()) {
    return {
      ok: false,
      problem: "fractional",
      reason: `KES ${text} is not a whole number of shillings; M-Pesa moves whole shillings only, so it needs a look`,
    }
  }
  if (MathBN.lt(exact, MPESA_MIN_AMOUNT_KES) || MathBN.gt(exact, MPESA_MAX_AMOUNT_KES)) {
    return {
      ok: false,
      problem: "out_of_range",
      reason: `KES ${text} is outside what one M-Pesa payment can be (KES ${MPESA_MIN_AMOUNT_KES} to ${MPESA_MAX_AMOUNT_KES})`,
    }
  }
  return { ok: true, kes: exact.toNumber() }
}
