/**
 * Soko's request limits as pure rules: which limits a request counts against,
 * how a limit is written in the environment, and what the shopper is told.
 * The middleware (./middleware.ts) applies them with rate-limiter-flexible.
 */

export type LimitName =
  | "login_address"
  | "login_identifier"
  | "signup_address"
  | "signup_identifier"
  | "reset_address"
  | "reset_identifier"
  | "cart_address"
  | "store_write_address"

export type Limit = { points: number; windowSeconds: number }
export type RateLimits = Record<LimitName, Limit>

/** The environment variable, default and meaning of each limit (the README table lists the same). */
export const LIMIT_SETTINGS: Record<LimitName, { variable: string; fallback: string; action: string }> = {
  login_address: { variable: "SOKO_LIMIT_LOGIN_PER_ADDRESS", fallback: "30/15m", action: "sign-in attempts" },
  login_identifier: { variable: "SOKO_LIMIT_LOGIN_PER_IDENTIFIER", fallback: "10/15m", action: "failed sign-ins for this account" },
  signup_address: { variable: "SOKO_LIMIT_SIGNUP_PER_ADDRESS", fallback: "20/1h", action: "new accounts" },
  signup_identifier: { variable: "SOKO_LIMIT_SIGNUP_PER_IDENTIFIER", fallback: "5/1h", action: "sign-ups for this email" },
  reset_address: { variable: "SOKO_LIMIT_RESET_PER_ADDRESS", fallback: "10/1h", action: "password reset requests" },
  reset_identifier: { variable: "SOKO_LIMIT_RESET_PER_IDENTIFIER", fallback: "5/1h", action: "password reset requests for this account" },
  cart_address: { variable: "SOKO_LIMIT_CARTS_PER_ADDRESS", fallback: "100/1h", action: "new carts" },
  store_write_address: { variable: "SOKO_LIMIT_STORE_WRITES_PER_ADDRESS", fallback: "600/10m", action: "requests" },
}

const UNIT_SECONDS = { s: 1, m: 60, h: 3600, d: 86_400 } as const
const MAX_POINTS = 1_000_000
const MAX_WINDOW_SECONDS = 86_400

/** "30/15m" → 30 per 900 s. Returns a message a person can act on when it isn't one. */
export function parseLimit(raw: string): Limit | string {
  const match = /^\s*(\d+)\s*\/\s*(\d+)\s*([smhd])\s*$/.exec(raw)
  if (!match) {
    return `must look like 30/15m (count/window, window in s, m, h or d; got "${raw}")`
  }
  const points = Number(match[1])
  const windowSeconds = Number(match[2]) * UNIT_SECONDS[match[3] as keyof typeof UNIT_SECONDS]
  if (points < 1 || points > MAX_POINTS) {
    return `the count must be from 1 to ${MAX_POINTS} (got "${raw}")`
  }
  if (windowSeconds < 1 || windowSeconds > MAX_WINDOW_SECONDS) {
    return `the window must be from 1s to 1d (got "${raw}")`
  }
  return { points, windowSeconds }
}

export type LimitCheck = {
  limit: LimitName
  /** "address" counts every request from one client address; "identifier" the email or phone in the body. */
  by: "address" | "identifier"
  /** "every" counts each request; "failure" counts only refused ones and clears on success. */
  counts: "every" | "failure"
}

const AUTH = /^\/auth\/(customer|user)\/([^/]+)(\/register|\/reset-password)?\/?$/

/**
 * The limits one request counts against, most specific first. Only writes are
 * limited; reads stay free (and are cheap for Medusa's cache to answer).
 */
export function checksFor(method: string, path: string): LimitCheck[] {
  const verb = method.toUpperCase()
  if (verb === "GET" || verb === "HEAD" || verb === "OPTIONS") {
    return []
  }
  const auth = verb === "POST" ? AUTH.exec(path) : null
  if (auth) {
    if (auth[3] === "/register") {
      return [
        { limit: "signup_address", by: "address", counts: "every" },
        { limit: "signup_identifier", by: "identifier", counts: "every" },
      ]
    }
    if (auth[3] === "/reset-password") {
      return [
        { limit: "reset_address", by: "address", counts: "every" },
        { limit: "reset_identifier", by: "identifier", counts: "every" },
      ]
    }
    return [
      { limit: "login_address", by: "address", counts: "every" },
      { limit: "login_identifier", by: "identifier", counts: "failure" },
    ]
  }
  // POST /store/search is a catalog read (the Search Module takes its query as a body), limited like GET /store/products: not at all.
  if (!/^\/store(\/|$)/.test(path) || /^\/store\/search\/?$/.test(path)) {
    return []
  }
  const write: LimitCheck = { limit: "store_write_address", by: "address", counts: "every" }
  if (verb === "POST" && /^\/store\/customers\/?$/.test(path)) {
    return [{ limit: "signup_address", by: "address", counts: "every" }, write]
  }
  if (verb === "POST" && /^\/store\/carts\/?$/.test(path)) {
    return [{ limit: "cart_address", by: "address", counts: "every" }, write]
  }
  return [write]
}

/** The account a sign-in, sign-up or reset is about, normalised; undefined when the body names none. */
export function identifierOf(body: unknown): string | undefined {
  if (!body || typeof body !== "object") {
    return undefined
  }
  const b = body as Record<string, unknown>
  const raw = [b.email, b.identifier, b.username, b.phone].find((v) => typeof v === "string" && v.trim())
  return typeof raw === "string" ? raw.trim().toLowerCase().slice(0, 320) : undefined
}

/** Whole seconds to wait, at least 1. */
export function retryAfterSeconds(msBeforeNext: number): number {
  return Math.max(1, Math.ceil(msBeforeNext / 1000))
}

function duration(seconds: number): string {
  if (seconds < 60) {
    return `${seconds} second${seconds === 1 ? "" : "s"}`
  }
  const minutes = Math.ceil(seconds / 60)
  if (minutes < 60) {
    return `${minutes} minute${minutes === 1 ? "" : "s"}`
  }
  const hours = Math.ceil(seconds / 3600)
  return `${hours} hour${hours === 1 ? "" : "s"}`
}

/** What the 429 says; the storefront shows it as written ("Too many …", "Try again in …"). */
export function tooManyMessage(limit: LimitName, retryAfter: number): string {
  return `Too many ${LIMIT_SETTINGS[limit].action}. Try again in ${duration(retryAfter)}.`
}

/**
 * Every SOKO_LIMIT_* set out of reach, for load generators (bench, the
 * multi-instance test) that drive thousands of sign-ins and carts from one
 * address. Never for a shop.
 */
export function limitsOutOfReach(): Record<string, string> {
  return Object.fromEntries(Object.values(LIMIT_SETTINGS).map(({ variable }) => [variable, "1000000/1s"]))
}
