/**
 * Vanilla Medusa 2.21.2 for the bench: Medusa's defaults (in-memory cache,
 * local event bus, in-memory workflow engine and locking, no Redis), no Soko
 * plugins, no Soko modules. Only what a production start needs is set. The
 * admin is not served (it needs its own build and is not benchmarked).
 */
const { defineConfig } = require("@medusajs/framework/utils")

module.exports = defineConfig({
  projectConfig: {
    databaseUrl: process.env.DATABASE_URL,
    http: {
      storeCors: process.env.STORE_CORS || "http://localhost:8000",
      adminCors: process.env.ADMIN_CORS || "http://localhost:9000",
      authCors: process.env.AUTH_CORS || "http://localhost:9000,http://localhost:8000",
      jwtSecret: process.env.JWT_SECRET,
      cookieSecret: process.env.COOKIE_SECRET,
    },
  },
  admin: { disable: true },
})
