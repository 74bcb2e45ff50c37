import { maskedPhone, visiblePhoneDigits } from "./c2b-phone"
import { sanitizeCallbackBody, type StoredBody } from "./sanitize-body"

// The payer's other names are personal data the ledger does not need: the first name is enough to recognise a payment.
const DROPPED = ["MiddleName", "LastName"]

/**
 * A storable copy of a C2B confirmation/validation body: sanitised like any
 * callback (sanitize-body.ts), its MSISDN replaced by what a masked number
 * shows ("2547***126", or null for a hash or nothing), and only the first name kept.
 * The sandbox's older API sends the whole number; it never reaches the database.
 */
export function sanitizeC2bBody(body: unknown): StoredBody {
  const stored = sanitizeCallbackBody(body)
  if (!stored || "truncated" in stored) {
    // Too large to keep as an object; a truncated string could still hold a number.
    return stored && { truncated: "[C2B body too large to keep]" }
  }
  const copy: Record<string, unknown> = { ...stored }
  for (const key of DROPPED) {
    delete copy[key]
  }
  if ("MSISDN" in copy) {
    copy.MSISDN = maskedPhone(visiblePhoneDigits(copy.MSISDN))
  }
  return copy
}
