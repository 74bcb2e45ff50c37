/**
 * Turns what the store API (or the network) says into a sentence a shopper
 * understands. Messages the backend writes for shoppers (M-Pesa phone checks,
 * "too many prompts") pass through; internal ones are replaced.
 */
import { createTranslator } from "next-intl"
import en from "../../../messages/en.json"

export type ErrorLike = { message?: unknown; status?: unknown; statusText?: unknown; cause?: unknown; name?: unknown }

type ErrorKey = keyof typeof en.errors
/** Words for the `errors` messages: `await getTranslations("errors")` in an action. */
export type ErrorWords = (key: ErrorKey) => string

let english: ErrorWords | undefined
function englishWords(): ErrorWords {
  english ??= createTranslator({ locale: "en-KE", messages: en, namespace: "errors" })
  return english
}

const RULES: [RegExp, ErrorKey][] = [
  [/does not have the required inventory|insufficient inventory|out of stock|not enough stock/i, "stock"],
  [/promotion code[s]? .*(invalid|not found|not valid|doesn't exist|does not exist)|invalid promotion|promotion .*not (found|valid)/i, "promoInvalid"],
  [/promotion .* (expired|ended|campaign)/i, "promoExpired"],
  [/invalid email or password|unauthorized|invalid credentials/i, "credentials"],
  [/identity with email already exists|customer with email already exists|email .* already/i, "accountExists"],
  [/shipping (address|method|option).*(required|missing|not available|invalid)/i, "deliveryForAddress"],
  [/no shipping method|shipping methods? (are|is) not/i, "delivery"],
  [/payment (session|collection).*(not|required|missing)|no payment session/i, "payment"],
  [/cart .*(already completed|completed)|already being completed/i, "alreadyPlacing"],
  [/email.*(invalid|required)/i, "email"],
  [/password.*(short|weak|required)/i, "password"],
  [/region .*not found|country .*not .*region/i, "country"],
]

/** Messages the Soko plugins write for shoppers; shown as they are. */
const SHOPPER_SAFE = [/m-?pesa/i, /phone/i, /prompt/i, /too many/i, /try again in/i]

/**
 * `fallback` is said when nothing more specific fits; `t` words the canned
 * messages in the shopper's language (English when not given).
 */
export function shopperMessage(error: unknown, fallback?: string, t: ErrorWords = englishWords()): string {
  const e = (error ?? {}) as ErrorLike
  const message = typeof e.message === "string" ? e.message : typeof error === "string" ? error : ""
  const status = typeof e.status === "number" ? e.status : undefined

  if (isNetworkError(e, message)) {
    return t("network")
  }
  for (const [pattern, key] of RULES) {
    if (pattern.test(message)) {
      return t(key)
    }
  }
  if (status === 429) {
    return message && SHOPPER_SAFE.some((p) => p.test(message)) ? message : t("tooMany")
  }
  if (status === 401) {
    return t("signInAgain")
  }
  if (status === 404) {
    return t("notFound")
  }
  if (status && status >= 500) {
    return t("generic")
  }
  if (status === 400 && message && SHOPPER_SAFE.some((p) => p.test(message)) && message.length < 200) {
    return message
  }
  return fallback ?? t("generic")
}

export function isNetworkError(e: ErrorLike, message = typeof e.message === "string" ? e.message : ""): boolean {
  const causeCode = (e.cause as { code?: string } | undefined)?.code
  return (
    /fetch failed|ECONNREFUSED|ECONNRESET|ENOTFOUND|EAI_AGAIN|network|socket hang up|timed? ?out/i.test(message) ||
    causeCode === "ECONNREFUSED" ||
    causeCode === "ECONNRESET" ||
    (typeof e.status === "number" && (e.status === 502 || e.status === 503 || e.status === 504))
  )
}

export function statusOf(error: unknown): number | undefined {
  const status = (error as ErrorLike | undefined)?.status
  return typeof status === "number" ? status : undefined
}
