import { normalizeResultCode } from "./result-codes"
import { cleanUntrustedText } from "./text"

/**
 * Parser for the `{ Result: { … } }` body Daraja POSTs to ResultURL after a
 * Reversal or Transaction Status request. Like STK callbacks it is unsigned:
 * match `originatorConversationId`/`conversationId` to a request you made.
 */

export interface InitiatorResult {
  /** Canonical: "0", "R000001" (already reversed), "R000002" (unknown receipt), "2001"… */
  resultCode: string
  resultDesc: string
  success: boolean
  originatorConversationId: string
  conversationId: string
  /** The reversal's own receipt, or the queried transaction's. */
  transactionId?: string
  /**
   * ResultParameters by Key (keys may contain spaces: "Conversation ID").
   * Values are kept as strings or numbers; absent on failures.
   */
  parameters: Record<string, string | number>
}

export type ParsedInitiatorResult = { ok: true; result: InitiatorResult } | { ok: false; reason: string }

const ID = /^[A-Za-z0-9_-]{1,100}$/
const MAX_PARAMETERS = 50

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value)

/** ResultParameter is an array, or a single object when there is one parameter. */
function parameters(raw: unknown): Record<string, string | number> {
  const container = isRecord(raw) ? raw.ResultParameter : undefined
  const list = Array.isArray(container) ? container : isRecord(container) ? [container] : []
  const out: Record<string, string | number> = {}
  for (const item of list.slice(0, MAX_PARAMETERS)) {
    if (!isRecord(item) || typeof item.Key !== "string") {
      continue
    }
    const key = cleanUntrustedText(item.Key, 60)
    if (!key || key === "__proto__" || key in out) {
      continue
    }
    const value = item.Value
    if (typeof value === "number" && Number.isFinite(value)) {
      out[key] = value
    } else {
      const text = cleanUntrustedText(value, 300)
      if (text !== undefined) {
        out[key] = text
      }
    }
  }
  return out
}

/** Parses a Reversal / Transaction Status result body; never throws. */
export function parseInitiatorResult(body: unknown): ParsedInitiatorResult {
  try {
    const root = typeof body === "string" ? JSON.parse(body.slice(0, 100_000)) : body
    if (!isRecord(root) || !isRecord(root.Result)) {
      return { ok: false, reason: "Not an initiator result: Result is missing" }
    }
    const r = root.Result
    const resultCode = normalizeResultCode(r.ResultCode)
    if (resultCode === undefined) {
      return { ok: false, reason: "ResultCode is missing or malformed" }
    }
    const conversationId = typeof r.ConversationID === "string" ? r.ConversationID.trim() : ""
    const originatorConversationId =
      typeof r.OriginatorConversationID === "string" ? r.OriginatorConversationID.trim() : ""
    if (!ID.test(conversationId) || !ID.test(originatorConversationId)) {
      return { ok: false, reason: "ConversationID or OriginatorConversationID is missing or malformed" }
    }
    const transactionId =
      typeof r.TransactionID === "string" && /^[A-Za-z0-9]{6,20}$/.test(r.TransactionID.trim())
        ? r.TransactionID.trim().toUpperCase()
        : undefined
    return {
      ok: true,
      result: {
        resultCode,
        resultDesc: cleanUntrustedText(r.ResultDesc, 200) ?? "",
        success: resultCode === "0",
        originatorConversationId,
        conversationId,
        ...(transactionId ? { transactionId } : {}),
        parameters: parameters(r.ResultParameters),
      },
    }
  } catch {
    return { ok: false, reason: "Unreadable initiator result" }
  }
}
