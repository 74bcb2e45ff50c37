/**
 * The database and Redis chores of the multi-instance cluster (./cluster.ts):
 * one-shot SQL through its own connection, and clearing a run's Redis keys.
 */
import Redis from "ioredis"
import { Client } from "pg"

export function adminDatabaseUrl(database: string): string {
  const user = process.env.DB_USERNAME || "postgres"
  const password = process.env.DB_PASSWORD ? `:${encodeURIComponent(process.env.DB_PASSWORD)}` : ""
  const host = process.env.DB_HOST || "localhost"
  return `postgres://${user}${password}@${host}:${process.env.DB_PORT || "5432"}/${database}`
}

export async function query<T>(url: string, text: string, values?: unknown[]): Promise<T[]> {
  const client = new Client({ connectionString: url })
  await client.connect()
  try {
    return (await client.query(text, values as unknown[])).rows as T[]
  } finally {
    await client.end()
  }
}

export async function deleteRedisKeys(redisUrl: string, prefix: string) {
  const redis = new Redis(redisUrl, { lazyConnect: true, maxRetriesPerRequest: 1 })
  try {
    await redis.connect()
    let cursor = "0"
    do {
      const [nextCursor, keys] = await redis.scan(cursor, "MATCH", `*${prefix}*`, "COUNT", 1000)
      cursor = nextCursor
      if (keys.length) {
        await redis.del(...keys)
      }
    } while (cursor !== "0")
  } finally {
    redis.disconnect()
  }
}
