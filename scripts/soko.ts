/**
 * `npm run dev`: the whole Soko system on one command. With no DATABASE_URL it
 * runs PostgreSQL itself (embedded, data in .data/); then migrations, seed,
 * admin login, the Daraja simulator, the backend with admin, and the storefront.
 * Ctrl-C stops everything it started.
 */
import fs from "node:fs"
import path from "node:path"
import { EMBEDDED_DEFAULTS, readPort, readSokoEnv, SokoConfigError } from "../src/config/env"
import { ensureDatabase, startEmbeddedPostgres, type RunningPostgres } from "./lib/embedded-postgres"
import { LauncherError, log, timed } from "./lib/log"
import { appliedMigrations, isUpToDate, migrationInputs, readRecord, recordFile, writeRecord } from "./lib/migration-state"
import { stopWhenNpmExits } from "./lib/npm-parent"
import { runStep, startProcess, stopAll } from "./lib/processes"
import { assertPortFree, waitForHttp } from "./lib/ports"
import { startSimulatorIfAvailable, type RunningSimulator } from "./lib/simulator"

const root = path.resolve(__dirname, "..")
const dataDir = path.join(root, ".data")
const medusaBin = path.join(root, "node_modules", ".bin", "medusa")

type Running = {
  postgres?: RunningPostgres
  simulator?: RunningSimulator
}

const running: Running = {}
let shuttingDown = false

async function shutdown(code: number) {
  if (shuttingDown) {
    return
  }
  shuttingDown = true
  log.step("Stopping Soko…")
  await stopAll()
  log.ok("stopped the backend and the storefront")
  if (running.simulator) {
    await running.simulator.stop()
    log.ok("stopped Daraja simulator")
  }
  if (running.postgres) {
    await running.postgres.stop()
    log.ok("stopped PostgreSQL")
  }
  process.exit(code)
}

/** Runs `medusa db:migrate` unless the last run still covers this code and database (./lib/migration-state). */
async function migrateIfNeeded(databaseUrl: string, childEnv: NodeJS.ProcessEnv, runDir: string) {
  const mode = process.env.SOKO_MIGRATE || "auto"
  if (mode !== "auto" && mode !== "always") {
    throw new LauncherError(`Configuration error: SOKO_MIGRATE must be auto or always (got "${mode}")`)
  }
  const record = recordFile(dataDir, databaseUrl)
  const inputs = migrationInputs(root, process.env)
  if (mode === "auto" && isUpToDate(readRecord(record), { inputs, database: await appliedMigrations(databaseUrl) })) {
    log.ok("Database migrations: nothing pending (SOKO_MIGRATE=always runs them anyway)")
    return
  }
  await timed("Running database migrations", () =>
    runStep(medusaBin, ["db:migrate"], { cwd: root, env: childEnv, logFile: path.join(runDir, "logs", "migrate.log") })
  )
  const database = await appliedMigrations(databaseUrl)
  if (database) {
    writeRecord(record, { inputs, database })
  }
}

function banner(lines: [string, string][]) {
  const width = Math.max(...lines.map(([k]) => k.length))
  const body = lines.map(([k, v]) => `  ${k.padEnd(width)}  ${v}`).join("\n")
  const rule = "─".repeat(72)
  console.log(`\n${rule}\n  ${log.bold("Soko is running")}\n\n${body}\n\n  Press Ctrl-C to stop everything.\n${rule}\n`)
}

async function main() {
  let env
  try {
    env = readSokoEnv(process.env)
  } catch (error) {
    if (error instanceof SokoConfigError) {
      throw new LauncherError(`Configuration error: ${error.message}`)
    }
    throw error
  }
  const backendPort = readPort(process.env, "PORT", EMBEDDED_DEFAULTS.backendPort)
  const storefrontPort = readPort(process.env, "SOKO_STOREFRONT_PORT", EMBEDDED_DEFAULTS.storefrontPort)
  // Per-port run files, so launchers on other ports (tests, a second checkout) never clash.
  const runDir = path.join(dataDir, "run", String(backendPort))
  const hasStorefront =
    fs.existsSync(path.join(root, "storefront", "package.json")) && !process.env.SOKO_SKIP_STOREFRONT

  await assertPortFree(backendPort, "Medusa backend and admin", "PORT")
  if (hasStorefront) {
    await assertPortFree(storefrontPort, "storefront", "SOKO_STOREFRONT_PORT")
  }

  if (env.embedded) {
    const pgPort = readPort(process.env, "SOKO_PG_PORT", EMBEDDED_DEFAULTS.pgPort)
    running.postgres = await timed(`Starting embedded PostgreSQL on port ${pgPort}`, () =>
      startEmbeddedPostgres({
        dataDir: process.env.SOKO_PG_DATA || path.join(dataDir, "postgres"),
        port: pgPort,
        user: EMBEDDED_DEFAULTS.pgUser,
        password: EMBEDDED_DEFAULTS.pgPassword,
        durable: true,
      })
    )
    log.ok(`database files in ${path.relative(root, running.postgres.dataDir) || running.postgres.dataDir}`)
  } else {
    log.step("Using the database in DATABASE_URL")
  }
  const created = await timed("Checking the database", () => ensureDatabase(env.databaseUrl))
  if (created === "created") {
    log.ok("created an empty database")
  }

  const childEnv: NodeJS.ProcessEnv = {
    ...process.env,
    DATABASE_URL: env.databaseUrl,
    MEDUSA_DISABLE_TELEMETRY: process.env.MEDUSA_DISABLE_TELEMETRY ?? "true",
    PORT: String(backendPort),
  }

  running.simulator = await startSimulatorIfAvailable(root, childEnv)
  if (running.simulator) {
    log.ok(`Daraja simulator on ${running.simulator.url}`)
  }

  await migrateIfNeeded(env.databaseUrl, childEnv, runDir)
  const prepareOutput = path.join(runDir, "prepare.json")
  await timed("Seeding the demo shop and the admin login", () =>
    runStep(medusaBin, ["exec", "./src/scripts/prepare.ts"], {
      cwd: root,
      env: { ...childEnv, SOKO_PREPARE_OUTPUT: prepareOutput },
      logFile: path.join(runDir, "logs", "prepare.log"),
    })
  )
  const prepared = JSON.parse(fs.readFileSync(prepareOutput, "utf8")) as {
    publishableKey: string
    adminEmail: string
  }

  // `medusa start` in development mode serves the admin through Vite like
  // `develop` does, without a file watcher: develop restarts the server on
  // any write anywhere in the repository (storefront builds, test artifacts,
  // nested node_modules). `--watch` opts into develop's hot reload.
  const watch = process.argv.includes("--watch") || process.env.SOKO_WATCH === "1"
  const backend = startProcess("medusa", medusaBin, [watch ? "develop" : "start", "--port", String(backendPort)], {
    cwd: root,
    env: { ...childEnv, NODE_ENV: process.env.NODE_ENV || "development" },
  })
  void backend.exited.then((code) => {
    if (!shuttingDown) {
      log.error(`The Medusa backend exited (code ${code}); stopping the rest.`)
      void shutdown(1)
    }
  })
  const backendUrl = `http://localhost:${backendPort}`
  await timed("Starting the Medusa backend and admin", () =>
    waitForHttp(`${backendUrl}/health`, { timeoutMs: 180_000, child: backend })
  )

  if (hasStorefront) {
    const storefront = startProcess("storefront", "npm", ["run", "dev", "--silent"], {
      cwd: path.join(root, "storefront"),
      env: {
        ...childEnv,
        PORT: String(storefrontPort),
        MEDUSA_BACKEND_URL: backendUrl,
        NEXT_PUBLIC_MEDUSA_BACKEND_URL: backendUrl,
        NEXT_PUBLIC_MEDUSA_PUBLISHABLE_KEY: prepared.publishableKey,
        NEXT_TELEMETRY_DISABLED: "1",
      },
    })
    // A production storefront builds first (several minutes on two cores).
    const storefrontTimeout = process.env.SOKO_STOREFRONT_MODE === "production" ? 900_000 : 300_000
    await timed("Starting the storefront", () =>
      // The home page redirects to the shopper's country (/ke): any answer short of an error means it is up.
      waitForHttp(`http://localhost:${storefrontPort}`, { timeoutMs: storefrontTimeout, child: storefront, accept: (res) => res.status < 400 })
    )
  }

  const adminPassword = process.env.SOKO_ADMIN_PASSWORD
    ? "(from SOKO_ADMIN_PASSWORD)"
    : EMBEDDED_DEFAULTS.adminPassword
  banner([
    ["Admin", `${backendUrl}/app`],
    ["Admin login", `${prepared.adminEmail} / ${adminPassword}`],
    ["Store API", `${backendUrl}/store  (header x-publishable-api-key)`],
    ["Publishable key", prepared.publishableKey],
    ...(hasStorefront ? [["Storefront", `http://localhost:${storefrontPort}`] as [string, string]] : []),
    ...(running.simulator ? [["M-Pesa phone", running.simulator.phoneUrl] as [string, string]] : []),
    ["Database", env.embedded ? `embedded PostgreSQL, ${env.databaseUrl.replace(/:[^:@/]+@/, ":***@")}` : "DATABASE_URL"],
    ["Logs", path.relative(root, path.join(runDir, "logs"))],
  ])
}

for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) {
  process.on(signal, () => {
    if (shuttingDown) {
      log.warn("Already stopping; press Ctrl-C again in a few seconds to force.")
      process.removeAllListeners(signal)
      return
    }
    void shutdown(0)
  })
}

stopWhenNpmExits(() => {
  // Whoever read our output may be gone with npm: a closed pipe must not stop the shutdown.
  for (const stream of [process.stdout, process.stderr]) {
    stream.on("error", () => undefined)
  }
  log.warn("npm, which started Soko, has exited: stopping everything it started.")
  void shutdown(0)
})

main().catch(async (error) => {
  if (shuttingDown) {
    // A stop (Ctrl-C, npm gone) ended the step that was waiting: the shutdown under way says so.
    return
  }
  if (error instanceof LauncherError) {
    log.error(error.message)
  } else {
    log.error((error as Error).stack ?? String(error))
  }
  await shutdown(1)
})
