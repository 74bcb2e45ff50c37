/**
 * Daraja stamps everything in East Africa Time (UTC+3, no daylight saving).
 * We shift the instant by a fixed offset instead of relying on the host's
 * time zone, so a server in Frankfurt and one in Nairobi send the same value.
 */
const EAT_OFFSET_MS = 3 * 60 * 60 * 1000

const pad = (value: number, width = 2): string => String(value).padStart(width, "0")

/**
 * `YYYYMMDDHHmmss` in EAT, the format of STK `Timestamp` and callback
 * `TransactionDate`. Generate it once per request: the same value must go into
 * `stkPassword` and the body, or Daraja answers "Wrong credentials".
 */
export function darajaTimestamp(date: Date | number = new Date()): string {
  const epochMs = typeof date === "number" ? date : date.getTime()
  if (!Number.isFinite(epochMs)) {
    throw new RangeError("darajaTimestamp needs a valid date")
  }
  const d = new Date(epochMs + EAT_OFFSET_MS)
  return (
    pad(d.getUTCFullYear(), 4) +
    pad(d.getUTCMonth() + 1) +
    pad(d.getUTCDate()) +
    pad(d.getUTCHours()) +
    pad(d.getUTCMinutes()) +
    pad(d.getUTCSeconds())
  )
}

/** STK `Password`: base64(BusinessShortCode + Passkey + Timestamp). */
export function stkPassword(shortcode: string, passkey: string, timestamp: string): string {
  return Buffer.from(`${shortcode}${passkey}${timestamp}`, "utf8").toString("base64")
}
