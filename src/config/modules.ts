import type { SokoEnv } from "./env"

type ModuleEntry = { resolve: string; key?: string; options?: Record<string, unknown> }

/**
 * The infrastructure modules for the chosen profile. Without Redis, Medusa's
 * in-memory defaults apply (one process); with Redis, every piece that several
 * server/worker processes must share moves to Redis.
 */
export function infrastructureModules(env: SokoEnv): ModuleEntry[] {
  if (!env.redisUrl) {
    return env.caching ? [cachingModule(env)] : []
  }
  const { redisUrl, redisPrefix: prefix } = env
  return [
    {
      resolve: "@medusajs/medusa/event-bus-redis",
      options: { redisUrl, queueName: `${prefix}-events`, workerOptions: { concurrency: env.eventConcurrency } },
    },
    {
      resolve: "@medusajs/medusa/workflow-engine-redis",
      options: { redis: { redisUrl, queueName: `${prefix}-workflows`, jobQueueName: `${prefix}-workflow-jobs` } },
    },
    {
      resolve: "@medusajs/medusa/cache-redis",
      options: { redisUrl, namespace: `${prefix}:cache` },
    },
    {
      resolve: "@medusajs/medusa/locking",
      options: {
        providers: [
          {
            resolve: "@medusajs/medusa/locking-redis",
            id: "locking-redis",
            is_default: true,
            options: { redisUrl, namespace: `${prefix}:lock:` },
          },
        ],
      },
    },
    ...(env.caching ? [cachingModule(env)] : []),
  ]
}

/**
 * Medusa's caching module (used by core workflows and routes only when the
 * `caching` feature flag is on too; medusa-config.ts sets both from
 * env.caching): Redis shared by every instance, or in memory for one process.
 */
export function cachingModule(env: SokoEnv): ModuleEntry {
  return {
    resolve: "@medusajs/medusa/caching",
    options: env.redisUrl
      ? {
          providers: [
            {
              resolve: "@medusajs/medusa/caching-redis",
              id: "caching-redis",
              is_default: true,
              options: { redisUrl: env.redisUrl, prefix: `${env.redisPrefix}:caching:` },
            },
          ],
        }
      : { in_memory: { enable: true } },
  }
}
