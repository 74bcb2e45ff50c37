import { MathBN } from "@medusajs/framework/utils"
import { amountsMatch, exactAmount } from "./amount"
import { normalizeResultCode } from "./result-codes"
import { cleanUntrustedText } from "./text"

/**
 * Parser for the STK Push callback Daraja POSTs to CallBackURL:
 * `{ Body: { stkCallback: { MerchantRequestID, CheckoutRequestID, ResultCode,
 * ResultDesc, CallbackMetadata? } } }`. The POST is unsigned, so everything is
 * checked and nothing is trusted beyond its shape: the provider still has to
 * match the CheckoutRequestID to a pending session and compare the amount.
 */

export interface StkCallbackMetadata {
  /** The Amount item as a number (1.00 and "1" both occur). For display; compare with `callbackAmountMatches`. */
  amount: number
  /** The Amount item exactly as sent, as text, so the comparison never goes through a float. */
  amountRaw: string
  /** MpesaReceiptNumber, upper-cased, e.g. "NLJ7RT61SV". Unique per payment. */
  receipt: string
  /** PhoneNumber as digits, when present (Daraja may mask or omit it). */
  phone?: string
  /** TransactionDate `YYYYMMDDHHmmss` in EAT, when present and well-formed. */
  transactionDate?: string
  /** Balance, often absent or empty. */
  balance?: string
}

export interface StkCallback {
  merchantRequestId: string
  checkoutRequestId: string
  /** Canonical ResultCode: "0", "1032", "SFC_IC0003". */
  resultCode: string
  /** ResultDesc without Daraja's "[STK_CB - ]" prefix, control characters removed, ≤ 200 chars. */
  resultDesc: string
  /** ResultCode 0. Metadata is present exactly when this is true. */
  success: boolean
  metadata?: StkCallbackMetadata
}

export type ParsedStkCallback =
  | { ok: true; callback: StkCallback }
  | {
      ok: false
      reason: string
      /** Set when the callback named a well-formed CheckoutRequestID, so the caller can re-query it. */
      checkoutRequestId?: string
    }

const MAX_RAW_BODY_LENGTH = 100_000
const MAX_ITEMS = 50
const MAX_DESC_LENGTH = 200
// ws_CO_… today, older ids are "29115-34620561-1"-like; no spaces or symbols.
const REQUEST_ID = /^[A-Za-z0-9_-]{1,64}$/
const RECEIPT = /^[A-Za-z0-9]{6,20}$/
const STK_CB_PREFIX = /^\s*\[STK_CB\s*-[^\]]{0,40}\]\s*/i

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value)

const reject = (reason: string, checkoutRequestId?: string): ParsedStkCallback =>
  checkoutRequestId ? { ok: false, reason, checkoutRequestId } : { ok: false, reason }

/** Accepts the parsed body, or its raw JSON text/Buffer. */
function toObject(body: unknown): unknown {
  if (typeof body === "string" || Buffer.isBuffer(body)) {
    const text = body.toString()
    if (text.length > MAX_RAW_BODY_LENGTH) {
      return undefined
    }
    try {
      return JSON.parse(text)
    } catch {
      return undefined
    }
  }
  return body
}

type ItemLookup = { ok: true; items: Map<string, unknown> } | { ok: false; reason: string }

/** CallbackMetadata.Item by Name, in any order; a name given twice with different values is refused. */
function metadataItems(metadata: unknown): ItemLookup {
  if (!isRecord(metadata)) {
    return { ok: false, reason: "CallbackMetadata is missing on a successful callback" }
  }
  const rawItems = metadata.Item
  // A lone item sometimes arrives as an object instead of a one-element array.
  const list = Array.isArray(rawItems) ? rawItems : isRecord(rawItems) ? [rawItems] : undefined
  if (!list) {
    return { ok: false, reason: "CallbackMetadata.Item is not a list" }
  }
  const items = new Map<string, unknown>()
  for (const item of list.slice(0, MAX_ITEMS)) {
    if (!isRecord(item) || typeof item.Name !== "string") {
      continue
    }
    const name = item.Name.trim().toLowerCase()
    if (items.has(name) && items.get(name) !== item.Value) {
      return { ok: false, reason: `CallbackMetadata has conflicting ${item.Name.slice(0, 40)} items` }
    }
    items.set(name, item.Value)
  }
  return { ok: true, items }
}

function parseMetadata(metadata: unknown): { ok: true; value: StkCallbackMetadata } | { ok: false; reason: string } {
  const lookup = metadataItems(metadata)
  if (!lookup.ok) {
    return lookup
  }
  const { items } = lookup
  const rawAmount = items.get("amount")
  const amount = exactAmount(rawAmount)
  if (
    (typeof rawAmount !== "number" && typeof rawAmount !== "string") ||
    !amount ||
    MathBN.lt(amount, 0) ||
    !Number.isFinite(Number(rawAmount))
  ) {
    return { ok: false, reason: "CallbackMetadata Amount is missing or not a number" }
  }
  const receipt = items.get("mpesareceiptnumber")
  if (typeof receipt !== "string" || !RECEIPT.test(receipt.trim())) {
    return { ok: false, reason: "CallbackMetadata MpesaReceiptNumber is missing or malformed" }
  }
  const value: StkCallbackMetadata = {
    amount: Number(rawAmount),
    amountRaw: String(rawAmount).trim(),
    receipt: receipt.trim().toUpperCase(),
  }
  const phone = items.get("phonenumber")
  if ((typeof phone === "number" && Number.isSafeInteger(phone)) || typeof phone === "string") {
    const text = String(phone).trim()
    // Daraja has started masking MSISDNs elsewhere ("2547 ***** 126"); keep
    // only a plain number, since a masked one cannot identify anybody.
    if (/^\d{9,15}$/.test(text)) {
      value.phone = text
    }
  }
  const date = items.get("transactiondate")
  if ((typeof date === "number" && Number.isSafeInteger(date)) || typeof date === "string") {
    const text = String(date).trim()
    if (/^\d{14}$/.test(text)) {
      value.transactionDate = text
    }
  }
  const balance = cleanUntrustedText(items.get("balance"), 100)
  if (balance) {
    value.balance = balance
  }
  return { ok: true, value }
}

/** Parses an STK callback body defensively; never throws. */
export function parseStkCallback(body: unknown): ParsedStkCallback {
  try {
    return parseStkCallbackUnsafe(body)
  } catch {
    // Only exotic objects (throwing getters, proxies) get here; JSON cannot.
    return reject("Unreadable STK callback")
  }
}

function parseStkCallbackUnsafe(body: unknown): ParsedStkCallback {
  const root = toObject(body)
  if (!isRecord(root) || !isRecord(root.Body) || !isRecord(root.Body.stkCallback)) {
    return reject("Not an STK callback: Body.stkCallback is missing")
  }
  const cb = root.Body.stkCallback
  const checkoutRequestId = typeof cb.CheckoutRequestID === "string" ? cb.CheckoutRequestID.trim() : undefined
  if (!checkoutRequestId || !REQUEST_ID.test(checkoutRequestId)) {
    return reject("CheckoutRequestID is missing or malformed")
  }
  const merchantRequestId = typeof cb.MerchantRequestID === "string" ? cb.MerchantRequestID.trim() : undefined
  if (!merchantRequestId || !REQUEST_ID.test(merchantRequestId)) {
    return reject("MerchantRequestID is missing or malformed", checkoutRequestId)
  }
  const resultCode = normalizeResultCode(cb.ResultCode)
  if (resultCode === undefined) {
    return reject("ResultCode is missing or malformed", checkoutRequestId)
  }
  const desc = cleanUntrustedText(cb.ResultDesc, MAX_DESC_LENGTH + 40) ?? ""
  const resultDesc = desc.replace(STK_CB_PREFIX, "").slice(0, MAX_DESC_LENGTH)
  const success = resultCode === "0"
  const callback: StkCallback = { merchantRequestId, checkoutRequestId, resultCode, resultDesc, success }
  if (!success) {
    // Metadata on a failure is meaningless (and would be untrusted); ignore it.
    return { ok: true, callback }
  }
  const metadata = parseMetadata(cb.CallbackMetadata)
  if (!metadata.ok) {
    return reject(metadata.reason, checkoutRequestId)
  }
  callback.metadata = metadata.value
  return { ok: true, callback }
}

/** True when a parsed success callback reports exactly `expectedKes`. */
export function callbackAmountMatches(callback: StkCallback, expectedKes: number): boolean {
  return callback.success && !!callback.metadata && amountsMatch(expectedKes, callback.metadata.amountRaw)
}
