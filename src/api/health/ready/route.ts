import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { readiness, runProbe } from "../../../lib/readiness"
import { sokoRedis } from "../../../lib/redis-client"

type Knex = { raw: (sql: string) => Promise<unknown> }

/** Readiness for load balancers (see src/lib/readiness.ts); /health stays liveness. */
export async function GET(req: MedusaRequest, res: MedusaResponse) {
  const pg = req.scope.resolve(ContainerRegistrationKeys.PG_CONNECTION) as unknown as Knex
  const config = req.scope.resolve(ContainerRegistrationKeys.CONFIG_MODULE) as { projectConfig?: { redisUrl?: string } }
  const redisUrl = config.projectConfig?.redisUrl
  const results = await Promise.all([
    runProbe("postgres", () => pg.raw("select 1")),
    ...(redisUrl ? [runProbe("redis", () => sokoRedis(redisUrl).ping())] : []),
  ])
  const { status, body } = readiness(results)
  res.setHeader("Cache-Control", "no-store")
  res.status(status).json(body)
}
