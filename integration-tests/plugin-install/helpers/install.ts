/**
 * The common part of every install test: take the plugin's packed tarball
 * (dist/packs, made by global-setup.ts), generate a scratch Medusa app with
 * the README's medusa-config.ts, migrate, create an admin user, build (app +
 * admin), start from the build, log in and create a small Kenyan shop.
 */
import { execFileSync } from "node:child_process"
import fs from "node:fs"
import { PACKS_MANIFEST } from "../../../scripts/pack-plugins"
import { inspectTarball, type TarballReport } from "./package-checks"
import { progress, readmeMedusaConfig, ScratchApp } from "./scratch-app"
import { adminClient, client, seedShop, type Client, type Shop } from "./shop"


export type Packed = { dir: string; name: string; version: string; tarball: string; size: number; entryCount: number }

export function packedPlugin(dir: string): Packed {
  if (!fs.existsSync(PACKS_MANIFEST)) {
    throw new Error(`${PACKS_MANIFEST} is missing: run \`npm run pack:plugins\` (global-setup.ts does it)`)
  }
  const manifest = JSON.parse(fs.readFileSync(PACKS_MANIFEST, "utf8")) as Record<string, Packed>
  const packed = manifest[dir]
  if (!packed || !fs.existsSync(packed.tarball)) {
    throw new Error(`no tarball for plugins/${dir} in ${PACKS_MANIFEST}`)
  }
  return packed
}

export type Installed = {
  app: ScratchApp
  packed: Packed
  report: TarballReport
  readme: string
  admin: Client
  store: Client
  shop: Shop
  durations: Record<string, number>
}

export async function installPlugin(options: {
  dir: string
  port: number
  env?: Record<string, string>
  paymentProviders: string[]
}): Promise<Installed> {
  const started = Date.now()
  const durations: Record<string, number> = {}
  const step = async <T>(name: string, fn: () => Promise<T>): Promise<T> => {
    const t = Date.now()
    const result = await fn()
    durations[name] = (Date.now() - t) / 1000
    return result
  }
  const packed = packedPlugin(options.dir)
  const report = inspectTarball(packed.tarball, packed.name)
  // The README shipped in the tarball is the one an integrator reads.
  const readme = execFileSync("tar", ["-xzOf", packed.tarball, "package/README.md"], { encoding: "utf8" })
  const medusaConfig = readmeMedusaConfig(readme)

  const app = new ScratchApp({
    dir: options.dir,
    packageName: packed.name,
    tarball: packed.tarball,
    port: options.port,
    env: options.env,
  })
  progress(`${options.dir}: scratch app in ${app.root}, database ${app.dbName}, port ${options.port}`)
  try {
    await step("create", () => app.create(medusaConfig))
    // The build needs no database: it runs while the database is migrated and the admin user created.
    await Promise.all([
      step("build", () => app.build()),
      step("migrate+user", async () => {
        await app.migrate()
        await app.createAdminUser()
      }),
    ])
    await step("start", () => app.start())
    const admin = await adminClient(app.url)
    const shop = await step("seed", () => seedShop(admin, options.paymentProviders))
    const store = client(app.url, { "x-publishable-api-key": shop.publishableKey })
    durations.total_setup = (Date.now() - started) / 1000
    progress(`${options.dir}: installed and running in ${durations.total_setup.toFixed(1)} s ${JSON.stringify(durations)}`)
    return { app, packed, report, readme, admin, store, shop, durations }
  } catch (error) {
    progress(`${options.dir}: setup failed; server log tail:\n${app.serverLogTail()}`)
    await app.dispose()
    throw error
  }
}
