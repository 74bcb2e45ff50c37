/**
 * Turns what the store API (or the network) says into a sentence a shopper
 * understands. Messages the backend writes for shoppers (M-Pesa phone checks,
 * "too many prompts") pass through; internal ones are replaced.
 */
export type ErrorLike = { message?: unknown; status?: unknown; statusText?: unknown; cause?: unknown; name?: unknown }

const NETWORK = "We can't reach the shop right now. Check your connection and try again in a moment."
const GENERIC = "Something went wrong on our side. Please try again."

const RULES: [RegExp, string][] = [
  [/does not have the required inventory|insufficient inventory|out of stock|not enough stock/i, "Sorry, we don't have enough of that in stock. Try a smaller quantity or another option."],
  [/promotion code[s]? .*(invalid|not found|not valid|doesn't exist|does not exist)|invalid promotion|promotion .*not (found|valid)/i, "That promo code isn't valid. Check the spelling or try another one."],
  [/promotion .* (expired|ended|campaign)/i, "That promo code has expired."],
  [/invalid email or password|unauthorized|invalid credentials/i, "That email and password don't match an account. Check them and try again."],
  [/identity with email already exists|customer with email already exists|email .* already/i, "An account with this email already exists. Sign in instead, or reset your password."],
  [/shipping (address|method|option).*(required|missing|not available|invalid)/i, "Choose a delivery option for your address before paying."],
  [/no shipping method|shipping methods? (are|is) not/i, "Choose a delivery option before paying."],
  [/payment (session|collection).*(not|required|missing)|no payment session/i, "Choose how you'd like to pay before placing the order."],
  [/cart .*(already completed|completed)|already being completed/i, "This order is already being placed. Give it a moment and check your orders."],
  [/email.*(invalid|required)/i, "Enter a valid email address."],
  [/password.*(short|weak|required)/i, "Choose a password of at least 8 characters."],
  [/region .*not found|country .*not .*region/i, "We don't deliver to that country from this shop."],
]

/** Messages the Soko plugins write for shoppers; shown as they are. */
const SHOPPER_SAFE = [/m-?pesa/i, /phone/i, /prompt/i, /too many/i, /try again in/i]

export function shopperMessage(error: unknown, fallback = GENERIC): string {
  const e = (error ?? {}) as ErrorLike
  const message = typeof e.message === "string" ? e.message : typeof error === "string" ? error : ""
  const status = typeof e.status === "number" ? e.status : undefined

  if (isNetworkError(e, message)) {
    return NETWORK
  }
  for (const [pattern, text] of RULES) {
    if (pattern.test(message)) {
      return text
    }
  }
  if (status === 429) {
    return message && SHOPPER_SAFE.some((p) => p.test(message)) ? message : "Too many attempts. Wait a minute and try again."
  }
  if (status === 401) {
    return "Please sign in again."
  }
  if (status === 404) {
    return "We couldn't find that. It may have been removed."
  }
  if (status && status >= 500) {
    return GENERIC
  }
  if (status === 400 && message && SHOPPER_SAFE.some((p) => p.test(message)) && message.length < 200) {
    return message
  }
  return fallback
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
