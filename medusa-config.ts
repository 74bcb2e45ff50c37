import { defineConfig, loadEnv } from "@medusajs/framework/utils"
import { readSokoEnv } from "./src/config/env"
import { fileModule } from "./src/config/files"
import { infrastructureModules } from "./src/config/modules"
import { notificationModule } from "./src/config/notifications"
import { paymentModule } from "./src/config/payments"
import { sokoPlugins } from "./src/config/plugins"

loadEnv(process.env.NODE_ENV || "development", process.cwd())
process.env.MEDUSA_DISABLE_TELEMETRY ??= "true"
// Medusa's Translation Module (the shop's Swahili product content). Its store↔locale link reads the
// flag from the environment when it loads, before `featureFlags` below apply.
process.env.MEDUSA_FF_TRANSLATION ??= "true"
const translation = process.env.MEDUSA_FF_TRANSLATION === "true"

const env = readSokoEnv(process.env)

module.exports = defineConfig({
  projectConfig: {
    databaseUrl: env.databaseUrl,
    databaseLogging: env.databaseLogging,
    redisUrl: env.redisUrl,
    workerMode: env.workerMode,
    http: {
      storeCors: env.storeCors,
      adminCors: env.adminCors,
      authCors: env.authCors,
      jwtSecret: env.jwtSecret,
      cookieSecret: env.cookieSecret,
    },
  },
  // translation: Medusa's Translation Module, the shop's Swahili product content (store API `?locale=sw-KE`, admin Settings → Translations).
  featureFlags: { caching: env.caching, translation },
  admin: {
    disable: env.disableAdmin,
    backendUrl: env.backendUrl,
  },
  modules: [
    // Product images: on S3 when S3_* is set (shared by every instance), else on this backend's disk.
    fileModule(env),
    ...infrastructureModules(env),
    paymentModule(process.env),
    notificationModule(process.env),
    // Listed here too: Medusa's default entry for it is decided before any feature flag is known.
    translation ? { resolve: "@medusajs/medusa/translation" } : undefined,
  ].filter((m) => m !== undefined),
  plugins: sokoPlugins(process.env),
})
