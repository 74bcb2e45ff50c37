import { createHash } from "node:crypto"
import type { MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { RateLimiterRes, type RateLimiterAbstract } from "rate-limiter-flexible"
import { readSokoEnv, type SokoEnv } from "../../config/env"
import { sokoRedis } from "../redis-client"
import { createLimiter } from "./limiters"
import { checksFor, identifierOf, retryAfterSeconds, tooManyMessage, type LimitCheck, type LimitName } from "./rules"

let settings: SokoEnv | undefined
const limiters = new Map<LimitName, RateLimiterAbstract>()

/** Read once per process, after the runner or launcher has set the environment. */
function env(): SokoEnv {
  settings ??= readSokoEnv(process.env)
  return settings
}

function limiterFor(name: LimitName): RateLimiterAbstract {
  let limiter = limiters.get(name)
  if (!limiter) {
    const { redisUrl, redisPrefix, rateLimits } = env()
    limiter = createLimiter(name, rateLimits[name], {
      redis: redisUrl ? sokoRedis(redisUrl) : undefined,
      prefix: redisPrefix,
    })
    limiters.set(name, limiter)
  }
  return limiter
}

/** Identifiers are stored hashed: the counts need no one's email in Redis. */
function keyOf(check: LimitCheck, req: MedusaRequest): string | undefined {
  if (check.by === "address") {
    return req.ip ?? req.socket.remoteAddress ?? "unknown"
  }
  const identifier = identifierOf(req.body)
  return identifier && createHash("sha256").update(identifier).digest("hex").slice(0, 32)
}

function refuse(res: MedusaResponse, limit: LimitName, msBeforeNext: number): void {
  const retryAfter = retryAfterSeconds(msBeforeNext)
  res.setHeader("Retry-After", String(retryAfter))
  res.status(429).json({ type: "too_many_requests", message: tooManyMessage(limit, retryAfter) })
}

/**
 * Applies Express `trust proxy` from SOKO_TRUSTED_PROXIES before anything
 * reads req.ip (Medusa hard-codes one hop), for every route.
 */
export function trustProxies(req: MedusaRequest, _res: MedusaResponse, next: MedusaNextFunction): void {
  applyTrustedProxies(req.app, env().trustedProxies)
  next()
}

/** Express reads `trust proxy` on every req.ip, so setting it on the app takes effect at once. */
export function applyTrustedProxies(app: { get: (name: string) => unknown; set: (name: string, value: unknown) => unknown }, hops: number): void {
  if (app.get("trust proxy") !== hops) {
    app.set("trust proxy", hops)
  }
}

/**
 * Counts the request against its limits (rules.ts) and answers 429 with
 * Retry-After and a message the storefront shows when one is used up. Failed
 * sign-ins count per account and clear on a successful one.
 */
export async function rateLimit(req: MedusaRequest, res: MedusaResponse, next: MedusaNextFunction): Promise<void> {
  const path = (req.originalUrl ?? req.url).split("?")[0]
  for (const check of checksFor(req.method, path)) {
    const key = keyOf(check, req)
    if (!key) {
      continue
    }
    const limiter = limiterFor(check.limit)
    try {
      // Both kinds take their point before the request runs, atomically in the
      // store: counting a failure only once its answer was sent let concurrent
      // (or merely quick) attempts all pass the check before any was counted.
      await limiter.consume(key)
      if (check.counts === "failure") {
        // A success clears the account's failures; a server error or a refusal
        // elsewhere was no wrong password, so its point is given back.
        res.on("finish", () => {
          const done = res.statusCode < 300 ? limiter.delete(key) : res.statusCode === 429 || res.statusCode >= 500 ? limiter.reward(key) : undefined
          done?.catch((error: unknown) => logWarning(req, error))
        })
      }
    } catch (error) {
      if (error instanceof RateLimiterRes) {
        refuse(res, check.limit, error.msBeforeNext)
        return
      }
      // The store failed and its insurance too: serve rather than lock everyone out.
      logWarning(req, error)
    }
  }
  next()
}

function logWarning(req: MedusaRequest, error: unknown): void {
  const logger = req.scope.resolve(ContainerRegistrationKeys.LOGGER) as { warn: (m: string) => void }
  logger.warn(`rate limit not applied: ${(error as Error)?.message ?? String(error)}`)
}
