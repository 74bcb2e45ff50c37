import { createCipheriv, createDecipheriv, createHash, createHmac, randomBytes } from "node:crypto"
import type { ResolvedMpesaOptions } from "./types"

/**
 * A payment session's data is readable by whoever holds the cart id (the
 * store API returns it), so the phone number the prompt went to is kept there
 * sealed (AES-256-GCM from Node's crypto), next to a masked copy for display.
 * The plugin opens it to record the ledger row and to prompt the same phone
 * again. Daraja's CheckoutRequestID is sealed the same way: it ends with the
 * phone's last nine digits, so in the clear it is the number itself. The key comes from the Daraja consumer secret, which every server
 * and worker already shares and no shopper ever sees.
 */
const VERSION = "v1"

export function phoneSealKey(options: Pick<ResolvedMpesaOptions, "consumerSecret">): Buffer {
  return createHash("sha256").update(`soko-mpesa-phone-seal:${options.consumerSecret}`).digest()
}

export function sealPhone(msisdn: string, key: Buffer): string {
  const iv = randomBytes(12)
  const cipher = createCipheriv("aes-256-gcm", key, iv)
  const sealed = Buffer.concat([cipher.update(msisdn, "utf8"), cipher.final()])
  return `${VERSION}.${Buffer.concat([iv, cipher.getAuthTag(), sealed]).toString("base64url")}`
}

/** The phone inside `sealed`, or undefined when it is missing, altered or sealed with another key. */
export function openPhone(sealed: unknown, key: Buffer): string | undefined {
  if (typeof sealed !== "string" || !sealed.startsWith(`${VERSION}.`)) {
    return undefined
  }
  try {
    const raw = Buffer.from(sealed.slice(VERSION.length + 1), "base64url")
    const decipher = createDecipheriv("aes-256-gcm", key, raw.subarray(0, 12))
    decipher.setAuthTag(raw.subarray(12, 28))
    return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString("utf8")
  } catch {
    return undefined
  }
}

/**
 * A lookup key for a sealed value (the session holding a CheckoutRequestID is
 * found by it): the same value always gives the same ref, and the ref reveals
 * nothing without the key.
 */
export function sealRef(value: string, key: Buffer): string {
  return createHmac("sha256", key).update(value).digest("base64url").slice(0, 32)
}
