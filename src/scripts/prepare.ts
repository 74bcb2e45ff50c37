import fs from "node:fs"
import path from "node:path"
import type { ExecArgs } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { EMBEDDED_DEFAULTS } from "../config/env"
import { ensureAdminUser } from "./seed/admin-user"
import { runSeed } from "./seed/run-seed"

/**
 * Run by the launcher after migrations: seed, admin login, and the facts the
 * storefront needs, written where the launcher reads them.
 */
export default async function prepare({ container }: ExecArgs) {
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  const seed = await runSeed(container)
  const email = process.env.SOKO_ADMIN_EMAIL || EMBEDDED_DEFAULTS.adminEmail
  const password = process.env.SOKO_ADMIN_PASSWORD || EMBEDDED_DEFAULTS.adminPassword
  const admin = await ensureAdminUser(container, email, password)
  logger.info(`Admin user ${email}: ${admin}`)

  const out = process.env.SOKO_PREPARE_OUTPUT
  if (out) {
    fs.mkdirSync(path.dirname(out), { recursive: true })
    fs.writeFileSync(
      out,
      JSON.stringify(
        {
          publishableKey: seed.publishableKey,
          kenyaRegionId: seed.kenyaRegionId,
          internationalRegionId: seed.internationalRegionId,
          adminEmail: email,
          adminCreated: admin === "created",
        },
        null,
        2
      )
    )
  }
}
