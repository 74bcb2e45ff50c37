import { randomBytes } from "node:crypto"
import { eatParts } from "./time"

const UPPER_ALNUM = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"
const LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
const ALNUM = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"

// One randomBytes call per id: randomInt per character made token issuing the
// bottleneck of the OAuth benchmark. The modulo bias is irrelevant for test ids.
const pick = (alphabet: string, length: number): string => {
  const bytes = randomBytes(length)
  let out = ""
  for (let i = 0; i < length; i++) {
    out += alphabet[bytes[i] % alphabet.length]
  }
  return out
}

const hex = (chars: number): string =>
  randomBytes(Math.ceil(chars / 2))
    .toString("hex")
    .slice(0, chars)

const digits = (length: number): string => pick("0123456789", length)

/** Daraja's gateway request ids look like `16813-1590513-1`. */
export const newRequestId = (): string => `${digits(5)}-${digits(8)}-1`

/** Current MerchantRequestIDs look like `7071-4170-a0e4-8345632bad441412267`. */
export const newMerchantRequestId = (): string =>
  `${hex(4)}-${hex(4)}-${hex(4)}-${hex(12)}${digits(7)}`

/**
 * `ws_CO_` + DDMMYYYYHHmmss + milliseconds + the last 9 digits of the MSISDN,
 * e.g. `ws_CO_04072024151523730722724071`.
 */
export const checkoutRequestId = (epochMs: number, msisdn: string): string => {
  const p = eatParts(epochMs)
  return `ws_CO_${p.day}${p.month}${p.year}${p.hour}${p.minute}${p.second}${p.millis}${msisdn.slice(-9)}`
}

/** Receipts are 10 upper-case characters starting with a letter, e.g. `NLJ7RT61SV`. */
export const newReceiptNumber = (): string =>
  pick(LETTERS, 1) + pick(UPPER_ALNUM, 9)

/** Initiator APIs answer with `AG_<date>_<hex>` ConversationIDs. */
export const newConversationId = (epochMs: number): string => {
  const p = eatParts(epochMs)
  return `AG_${p.year}${p.month}${p.day}_${hex(20)}`
}

/** OriginatorConversationIDs share the MerchantRequestID shape. */
export const newOriginatorConversationId = (): string => newMerchantRequestId()

/** Access tokens are 28 alphanumeric characters, e.g. `c9SQxWWhmdVRlyh0zh8gZDTkubVF`. */
export const newAccessToken = (): string => pick(ALNUM, 28)
