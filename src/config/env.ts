/**
 * Reads Soko's environment into a typed profile. Pure: takes an env object,
 * returns the profile or throws a SokoConfigError naming the variable, so
 * medusa-config.ts, the launcher and the tests share one reading of the rules.
 */

import { LIMIT_SETTINGS, parseLimit, type LimitName, type RateLimits } from "../lib/rate-limits/rules"
import { readObservabilityEnv, type ObservabilitySettings } from "../observability/config"
import { nonEmpty, readBoolean, readPort, readUrl, readWholeNumber, SokoConfigError, type Env } from "./read"
import { readS3, type S3Storage } from "./s3"

export { readPort, SokoConfigError }
export type { S3Acl, S3Storage } from "./s3"

export const EMBEDDED_DEFAULTS = {
  pgPort: 54320,
  pgDatabase: "soko",
  pgUser: "postgres",
  pgPassword: "postgres",
  backendPort: 9000,
  storefrontPort: 8000,
  adminEmail: "admin@example.com",
  adminPassword: "supersecret",
} as const

export const WORKER_MODES = ["shared", "server", "worker"] as const
export type WorkerMode = (typeof WORKER_MODES)[number]

export type SokoEnv = {
  production: boolean
  /** True when no DATABASE_URL was given: Soko's launcher runs PostgreSQL. */
  embedded: boolean
  databaseUrl: string
  redisUrl?: string
  /**
   * Prefix of every Redis queue, lock and cache key. Instances of one shop
   * share it; each test app gets its own, so apps booted one after another
   * (or side by side) never take each other's events.
   */
  redisPrefix: string
  workerMode: WorkerMode
  jwtSecret?: string
  cookieSecret?: string
  storeCors: string
  adminCors: string
  authCors: string
  backendUrl: string
  disableAdmin: boolean
  databaseLogging: boolean
  /**
   * Medusa's caching module (regions, price sets, variants, shipping options…
   * for cart operations, invalidated on change), in Redis when REDIS_URL is
   * set, else in memory for the one process. SOKO_CACHING; on by default in
   * every profile (measured in the README's Performance section and by
   * `npm run bench:dev`), SOKO_CACHING=false turns it off.
   */
  caching: boolean
  /**
   * How many events one process handles at once from the Redis event bus
   * (BullMQ worker concurrency). SOKO_EVENT_CONCURRENCY; Medusa's default is 1.
   */
  eventConcurrency: number
  /**
   * How many proxies in front of this server append to x-forwarded-for
   * (Express `trust proxy`), so req.ip is the address the outermost trusted
   * one saw. SOKO_TRUSTED_PROXIES; default 1 (Soko's storefront, or one load
   * balancer); 0 when clients reach the server directly.
   */
  trustedProxies: number
  /** Per-address and per-identifier request limits (SOKO_LIMIT_*); see rate-limits/rules.ts. */
  rateLimits: RateLimits
  /** Product images and other uploads on S3 (S3_*); undefined keeps them on this server's disk. */
  s3?: S3Storage
  /** OpenTelemetry traces and metrics (OTEL_*, SOKO_METRICS_*); read here so a bad value stops every command. */
  observability: ObservabilitySettings
}




/** See the README's Performance section for how it was chosen. */
const DEFAULT_EVENT_CONCURRENCY = 1

const WEAK_SECRETS = new Set(["supersecret", "secret", "changeme", ""])

function readSecret(env: Env, name: string, production: boolean): string | undefined {
  const value = nonEmpty(env, name)
  if (!production) {
    return value
  }
  if (value === undefined) {
    throw new SokoConfigError(
      name,
      "must be set when NODE_ENV=production (a long random string, e.g. `openssl rand -hex 32`)"
    )
  }
  if (WEAK_SECRETS.has(value) || value.length < 16) {
    throw new SokoConfigError(
      name,
      "is too weak for production: use at least 16 random characters, not a default"
    )
  }
  return value
}

function readRateLimits(env: Env): RateLimits {
  const limits = {} as RateLimits
  for (const [name, setting] of Object.entries(LIMIT_SETTINGS) as [LimitName, (typeof LIMIT_SETTINGS)[LimitName]][]) {
    const parsed = parseLimit(nonEmpty(env, setting.variable) ?? setting.fallback)
    if (typeof parsed === "string") {
      throw new SokoConfigError(setting.variable, parsed)
    }
    limits[name] = parsed
  }
  return limits
}

function readTrustedProxies(env: Env): number {
  const raw = nonEmpty(env, "SOKO_TRUSTED_PROXIES")
  if (raw === undefined) {
    return 1
  }
  if (!/^\d+$/.test(raw) || Number(raw) > 10) {
    throw new SokoConfigError("SOKO_TRUSTED_PROXIES", `must be a whole number of proxy hops from 0 to 10 (got "${raw}")`)
  }
  return Number(raw)
}

export function embeddedDatabaseUrl(env: Env): string {
  const port = readPort(env, "SOKO_PG_PORT", EMBEDDED_DEFAULTS.pgPort)
  const { pgUser, pgPassword, pgDatabase } = EMBEDDED_DEFAULTS
  return `postgres://${pgUser}:${pgPassword}@127.0.0.1:${port}/${pgDatabase}`
}

export function readSokoEnv(env: Env): SokoEnv {
  const production = env.NODE_ENV === "production"

  const explicitDatabaseUrl = readUrl(env, "DATABASE_URL", ["postgres:", "postgresql:"])
  if (production && !explicitDatabaseUrl) {
    throw new SokoConfigError(
      "DATABASE_URL",
      "must be set when NODE_ENV=production; the embedded PostgreSQL is for development only"
    )
  }

  const redisUrl = readUrl(env, "REDIS_URL", ["redis:", "rediss:"])

  const workerModeRaw = nonEmpty(env, "MEDUSA_WORKER_MODE") ?? "shared"
  if (!(WORKER_MODES as readonly string[]).includes(workerModeRaw)) {
    throw new SokoConfigError(
      "MEDUSA_WORKER_MODE",
      `must be one of ${WORKER_MODES.join(", ")} (got "${workerModeRaw}")`
    )
  }
  const workerMode = workerModeRaw as WorkerMode
  // Medusa's CLI sets "server" itself for db:migrate and exec, so only a
  // worker, which is useless without a shared event bus, demands Redis.
  if (workerMode === "worker" && !redisUrl) {
    throw new SokoConfigError(
      "MEDUSA_WORKER_MODE",
      `"worker" only receives events and workflow jobs through Redis: set REDIS_URL too`
    )
  }

  const backendPort = readPort(env, "PORT", EMBEDDED_DEFAULTS.backendPort)
  const storefrontPort = readPort(env, "SOKO_STOREFRONT_PORT", EMBEDDED_DEFAULTS.storefrontPort)
  const backendUrl =
    readUrl(env, "MEDUSA_BACKEND_URL", ["http:", "https:"]) ??
    `http://localhost:${backendPort}`
  const storefront = `http://localhost:${storefrontPort}`
  const admin = `http://localhost:${backendPort},http://localhost:5173`

  return {
    production,
    embedded: !explicitDatabaseUrl,
    databaseUrl: explicitDatabaseUrl ?? embeddedDatabaseUrl(env),
    redisUrl,
    redisPrefix:
      nonEmpty(env, "SOKO_REDIS_PREFIX") ??
      (env.NODE_ENV === "test" ? `soko-test-${Math.random().toString(36).slice(2, 10)}` : "soko"),
    workerMode,
    jwtSecret: readSecret(env, "JWT_SECRET", production),
    cookieSecret: readSecret(env, "COOKIE_SECRET", production),
    storeCors: nonEmpty(env, "STORE_CORS") ?? storefront,
    adminCors: nonEmpty(env, "ADMIN_CORS") ?? admin,
    authCors: nonEmpty(env, "AUTH_CORS") ?? `${admin},${storefront}`,
    backendUrl,
    disableAdmin: readBoolean(env, "DISABLE_ADMIN") || workerMode === "worker",
    databaseLogging: readBoolean(env, "SOKO_DATABASE_LOGGING"),
    caching: nonEmpty(env, "SOKO_CACHING") === undefined ? true : readBoolean(env, "SOKO_CACHING"),
    eventConcurrency: readWholeNumber(env, "SOKO_EVENT_CONCURRENCY", DEFAULT_EVENT_CONCURRENCY, 64, "a whole number"),
    trustedProxies: readTrustedProxies(env),
    rateLimits: readRateLimits(env),
    s3: readS3(env),
    observability: readObservabilityEnv(env),
  }
}
