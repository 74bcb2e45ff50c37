/**
 * What never leaves the process in a span: secrets and full phone numbers.
 * Medusa's own HTTP span copies every request header into its attributes
 * (authorization, cookie, publishable key) and the raw URL (the Daraja hook
 * secret, order-link tokens), so Soko scrubs every span before export rather
 * than trusting each producer. Pure functions; see redacting-exporter.ts.
 */

export const REDACTED = "[redacted]"
export const PHONE = "[phone]"

/** Attribute keys (header names included) whose values are credentials. */
const SENSITIVE_KEY = /authorization|cookie|secret|password|passkey|token|api[-_]?key|credential|signature/i

/** Query parameters whose values are credentials (order-link tokens, keys). */
const SENSITIVE_QUERY = /([?&](?:[^=&#]*[_-])?(?:token|secret|key|signature|password)=)[^&#]*/gi

/** Daraja callback routes carry the callback secret as their last segment. */
const HOOK_SECRET = /(\/hooks\/daraja\/[^/?#\s]+\/)(?!:)[^/?#\s]+/g

/** A CheckoutRequestID ends with the phone's last nine digits. */
const CHECKOUT_ID = /(ws_CO_\d*?)\d{9}(?!\d)/g

/** Kenyan mobile numbers in any common form: 2547…, +2547…, 07…, 7… (and 1… for the newer ranges). */
const KENYAN_PHONE = /(?<![A-Za-z0-9])(?:\+?254|0)?[17]\d{8}(?![A-Za-z0-9])/g

/** Environment variables whose values are secrets (and URLs whose password is one). */
const SECRET_VARIABLE = /SECRET|PASSKEY|PASSWORD|API_KEY|_TOKEN$|AUTH_TOKEN|CREDENTIAL|_KEY$|_SID$|HEADERS$/

/** Shorter literals would scrub ordinary words; every real secret is longer. */
const MIN_SECRET_LENGTH = 8

/**
 * The secret values this process knows from its environment, longest first,
 * so a span that echoes one (an error message, a URL) is scrubbed even where
 * no pattern above applies.
 */
export function secretsFromEnv(env: Record<string, string | undefined>): string[] {
  const secrets = new Set<string>()
  for (const [name, value] of Object.entries(env)) {
    if (!value) {
      continue
    }
    if (SECRET_VARIABLE.test(name)) {
      for (const part of name.endsWith("HEADERS") ? value.split(",").map((h) => h.split("=").slice(1).join("=")) : [value]) {
        if (part.trim().length >= MIN_SECRET_LENGTH) {
          secrets.add(part.trim())
        }
      }
    }
    if (/^[a-z][a-z0-9+.-]*:\/\/[^/]*:[^@/]+@/i.test(value)) {
      try {
        const password = decodeURIComponent(new URL(value).password)
        if (password.length >= MIN_SECRET_LENGTH) {
          secrets.add(password)
        }
      } catch {
        // not a URL after all
      }
    }
  }
  return [...secrets].sort((a, b) => b.length - a.length)
}

export function redactText(text: string, secrets: readonly string[] = []): string {
  let out = text
  for (const secret of secrets) {
    if (out.includes(secret)) {
      out = out.split(secret).join(REDACTED)
    }
  }
  return out
    .replace(HOOK_SECRET, `$1${REDACTED}`)
    .replace(SENSITIVE_QUERY, `$1${REDACTED}`)
    .replace(CHECKOUT_ID, "$1…")
    .replace(KENYAN_PHONE, PHONE)
}

type Scalar = string | number | boolean | null | undefined
export type AttributeValue = Scalar | Scalar[]
export type Attributes = Record<string, AttributeValue>

function redactScalar(value: Scalar, secrets: readonly string[]): Scalar {
  if (typeof value === "string") {
    return redactText(value, secrets)
  }
  if (typeof value === "number" && Number.isInteger(value)) {
    // A phone number can arrive as a number (Daraja's callback metadata sends one).
    const text = String(value)
    return redactText(text, secrets) === text ? value : PHONE
  }
  return value
}

/** A copy of `attributes` with credentials replaced and phone numbers masked. */
export function redactAttributes(attributes: Attributes, secrets: readonly string[] = []): Attributes {
  const out: Attributes = {}
  for (const [key, value] of Object.entries(attributes)) {
    if (SENSITIVE_KEY.test(key)) {
      out[key] = REDACTED
    } else if (Array.isArray(value)) {
      out[key] = value.map((v) => redactScalar(v, secrets))
    } else {
      out[key] = redactScalar(value, secrets)
    }
  }
  return out
}
