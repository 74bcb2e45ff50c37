import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import Redis from "ioredis"
import { RateLimiterPostgres, RateLimiterRedis, type RateLimiterAbstract } from "rate-limiter-flexible"
import { PUSH_LIMIT_WINDOW_SECONDS, type PushLimitKind } from "../utils/push-limit-rules"

/** The library creates and prunes this table itself; it is not an M-Pesa module model. */
const PG_TABLE = "soko_mpesa_push_limit"

type Knex = {
  raw: (sql: string) => Promise<{ rows: { name: string }[] }>
}

const limiters = new WeakMap<object, Map<string, Promise<RateLimiterAbstract>>>()
const redisClients = new Map<string, Redis>()

function redisClient(url: string): Redis {
  let client = redisClients.get(url)
  if (!client) {
    client = new Redis(url, { maxRetriesPerRequest: 2 })
    redisClients.set(url, client)
  }
  return client
}

/**
 * Redis keys outlive a database (tests truncate tables, shops share a Redis),
 * so they are named after the database: every instance of one shop uses the
 * same database, and no two shops or test apps do.
 */
async function databaseName(pg: Knex): Promise<string> {
  const { rows } = await pg.raw("select current_database() as name")
  return rows[0]?.name ?? "medusa"
}

async function build(container: MedusaContainer, pg: Knex, kind: PushLimitKind, points: number): Promise<RateLimiterAbstract> {
  const config = container.resolve(ContainerRegistrationKeys.CONFIG_MODULE) as { projectConfig?: { redisUrl?: string } }
  const redisUrl = config.projectConfig?.redisUrl
  const base = { points, duration: PUSH_LIMIT_WINDOW_SECONDS }
  if (redisUrl) {
    return new RateLimiterRedis({
      ...base,
      storeClient: redisClient(redisUrl),
      keyPrefix: `soko-mpesa:${await databaseName(pg)}:push-${kind}`,
    })
  }
  return new Promise((resolve, reject) => {
    const limiter: RateLimiterPostgres = new RateLimiterPostgres(
      { ...base, storeClient: pg, storeType: "knex", tableName: PG_TABLE, keyPrefix: `push-${kind}` },
      (error?: Error) => (error ? reject(error) : resolve(limiter))
    )
  })
}

/**
 * One limiter per kind and limit, per database connection: Redis when the app
 * has REDIS_URL (Medusa's `projectConfig.redisUrl`), else the app's Postgres.
 * Both count atomically, so several server instances share the same counts.
 */
export function pushLimiter(container: MedusaContainer, kind: PushLimitKind, points: number): Promise<RateLimiterAbstract> {
  const pg = container.resolve(ContainerRegistrationKeys.PG_CONNECTION) as unknown as Knex
  let byKind = limiters.get(pg)
  if (!byKind) {
    byKind = new Map()
    limiters.set(pg, byKind)
  }
  const id = `${kind}:${points}`
  let limiter = byKind.get(id)
  if (!limiter) {
    limiter = build(container, pg, kind, points)
    // A failed start (database down) is not cached: the next request tries again.
    limiter.catch(() => byKind!.delete(id))
    byKind.set(id, limiter)
  }
  return limiter
}

/**
 * Drops this connection's limiters after their table vanished (a test app
 * recreating its database between tests), so the next use creates it again.
 */
export function forgetPushLimiters(container: MedusaContainer): void {
  limiters.delete(container.resolve(ContainerRegistrationKeys.PG_CONNECTION) as unknown as object)
}

/** Postgres "undefined_table". */
export function isMissingTable(error: unknown): boolean {
  return (error as { code?: unknown } | undefined)?.code === "42P01"
}
