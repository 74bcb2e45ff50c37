/**
 * Medusa 2.21.2 as someone who tuned it would run it, for the bench's honest
 * baseline: the infrastructure of Soko's production profile (Redis event bus,
 * workflow engine, cache and locking) and Medusa's caching module with its
 * feature flag on, taken from Soko's own build (src/config/modules.ts, so the
 * two cannot drift apart), and nothing else of Soko: no plugins, no Soko
 * modules, Medusa's default payment and notification providers. Needs
 * `medusa build` of the repository first (the bench's ensureBuild does it).
 */
const path = require("node:path")
const { defineConfig } = require("@medusajs/framework/utils")

const built = path.resolve(__dirname, "../../.medusa/server/src/config")
const { readSokoEnv } = require(path.join(built, "env.js"))
const { infrastructureModules } = require(path.join(built, "modules.js"))

const env = readSokoEnv(process.env)
if (!env.redisUrl || !env.caching) {
  throw new Error("vanilla-tuned needs REDIS_URL and Medusa's caching module (SOKO_CACHING unset or true)")
}

// BENCH_WORKFLOW_ENGINE=in-memory (a `--profile` variant with BENCH_BASE=vanilla-tuned) leaves
// Medusa's Redis workflow engine out, so its per-run checkpoint reads can be measured on their own.
const inMemoryWorkflows = process.env.BENCH_WORKFLOW_ENGINE === "in-memory"
const modules = infrastructureModules(env).filter(
  (m) => !(inMemoryWorkflows && m.resolve === "@medusajs/medusa/workflow-engine-redis")
)

module.exports = defineConfig({
  projectConfig: {
    databaseUrl: process.env.DATABASE_URL,
    redisUrl: env.redisUrl,
    http: {
      storeCors: process.env.STORE_CORS || "http://localhost:8000",
      adminCors: process.env.ADMIN_CORS || "http://localhost:9000",
      authCors: process.env.AUTH_CORS || "http://localhost:9000,http://localhost:8000",
      jwtSecret: process.env.JWT_SECRET,
      cookieSecret: process.env.COOKIE_SECRET,
    },
  },
  featureFlags: { caching: true },
  admin: { disable: true },
  modules,
})
