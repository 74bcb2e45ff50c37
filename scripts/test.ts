/**
 * `npm test`: standard runners in three phases, then one summary.
 *
 *   1. static   typecheck, lint (app, plugins, storefront) → jest launcher    beside   unit: jest unit → vitest (storefront)
 *   2. app      jest modules → jest http → jest observability        (real PostgreSQL, + Redis when REDIS_URL)
 *   3. systems  jest plugin-install → jest multi-instance → playwright (Debian's Chromium)
 *
 *   launcher        `npm run dev` stopped every way, nothing left behind
 *   plugin install  each plugin packed and installed into a scratch Medusa app
 *   multi-instance  2 servers + 1 worker over PostgreSQL and Redis (needs REDIS_URL)
 *
 * PostgreSQL is the one in DB_HOST/DB_PORT/DB_USERNAME/DB_PASSWORD when set,
 * otherwise an embedded one started here and removed afterwards. Each runner
 * writes a JSON report that the summary counts; each step's full output is in
 * .data/test-logs/. Flags: --coverage (unit coverage, in .data/coverage/unit), --no-static,
 * --no-plugin-install, --no-multi-instance, --no-e2e,
 * --only=<step>[,<step>] (names as in the summary, e.g. --only=unit,http).
 */
import fs from "node:fs"
import os from "node:os"
import path from "node:path"
import { startEmbeddedPostgres, type RunningPostgres } from "./lib/embedded-postgres"
import { LauncherError, log } from "./lib/log"
import { coresBusy, startCpuMeter, type CpuUse } from "./lib/machine-cpu"
import { freePort } from "./lib/ports"
import { readCoverageSummary } from "./lib/test-reports"
import { printSummary, runLanes, stopStepsOnSignal, type Step, type StepResult } from "./lib/test-steps"

const root = path.resolve(__dirname, "..")
const storefrontDir = path.join(root, "storefront")
const dataDir = path.join(root, ".data")
const reportDir = path.join(dataDir, "test-reports")
const logDir = path.join(dataDir, "test-logs")
const coverageDir = path.join(dataDir, "coverage", "unit")
const bin = (name: string) => path.join(root, "node_modules", ".bin", name)
const hasStorefront = fs.existsSync(path.join(storefrontDir, "package.json"))
const chromium = process.env.SOKO_CHROMIUM || "/usr/bin/chromium"

// Medusa's loaders import ESM (vm modules); every HTTP spec file boots a whole app,
// and what each leaves behind outgrew Node's default heap in one jest process.
const APP_NODE_OPTIONS = "--experimental-vm-modules --max-old-space-size=8192"

function jest(name: string, args: string[], env: NodeJS.ProcessEnv = {}, options: { database?: boolean } = {}): Step {
  const file = path.join(reportDir, `${name}.json`)
  return {
    name,
    command: bin("jest"),
    args: ["--json", `--outputFile=${file}`, "--passWithNoTests", ...args],
    cwd: root,
    env,
    report: { kind: "jest", file },
    database: options.database,
  }
}

const npmScript = (name: string, script: string, cwd = root): Step => ({ name, command: "npm", args: ["run", script, "--silent"], cwd })

function staticChecks(): Step[] {
  return [
    npmScript("typecheck", "typecheck"),
    npmScript("lint", "lint"),
    ...(hasStorefront ? [npmScript("storefront typecheck", "typecheck", storefrontDir), npmScript("storefront lint", "lint", storefrontDir)] : []),
  ]
}

/** `npm run dev` stopped by Ctrl-C, SIGTERM and SIGKILL leaves nothing behind (its own embedded database). */
const launcherStop = (): Step => jest("launcher", ["--selectProjects=launcher", "--runInBand"])

function unitTests(args: string[]): Step[] {
  // Coverage only on request (--coverage, or npm run test:coverage): V8's counters made this step
  // ten times slower (27 s → 313 s on two cores), which every run of npm test would pay.
  const unit = jest("unit", [
    "--selectProjects=unit",
    "--silent",
    ...(args.includes("--coverage")
      ? ["--coverage", `--coverageDirectory=${coverageDir}`, "--coverageReporters=json-summary", "--coverageReporters=html"]
      : []),
  ])
  const vitestReport = path.join(reportDir, "storefront-unit.json")
  const storefrontUnit: Step = {
    name: "storefront unit",
    command: path.join(storefrontDir, "node_modules", ".bin", "vitest"),
    args: ["run", "--reporter=default", "--reporter=json", `--outputFile=${vitestReport}`],
    cwd: storefrontDir,
    report: { kind: "jest", file: vitestReport },
  }
  return hasStorefront ? [unit, storefrontUnit] : [unit]
}

function appTests(env: NodeJS.ProcessEnv): Step[] {
  const appEnv = { NODE_OPTIONS: `${env.NODE_OPTIONS ?? ""} ${APP_NODE_OPTIONS}`.trim() }
  return [
    jest("modules", ["--selectProjects=modules", "--silent", "--runInBand", "--forceExit"], appEnv, { database: true }),
    // Two workers: each spec file has its own database and Redis prefix, and much of a spec's
    // time is spent waiting (on PostgreSQL, on callbacks), so two share the two cores well.
    jest("http", ["--selectProjects=http", "--silent", "--maxWorkers=2", "--forceExit"], appEnv, { database: true }),
    // A server and a worker as processes (needs REDIS_URL; skips itself without it).
    jest("observability", ["--selectProjects=observability", "--runInBand"], {}, { database: true }),
  ]
}

/** Whole systems started as processes (scratch apps, a cluster, the browser stack). */
function systemTests(args: string[]): Step[] {
  const steps: Step[] = []
  if (!args.includes("--no-plugin-install")) {
    // Each plugin packed and installed from its tarball into a scratch Medusa 2.21.2 app
    // that is migrated, built, started and driven over HTTP.
    // Two at a time: each has its own scratch folder, database and ports, and much of an install is waiting.
    steps.push(
      jest("plugin install", ["--config", path.join(root, "integration-tests", "plugin-install", "jest.config.js"), "--maxWorkers=2", "--forceExit"], {}, { database: true })
    )
  }
  if (!args.includes("--no-multi-instance")) {
    // 2 servers + 1 worker booted once by the config's global setup; without REDIS_URL its specs skip themselves.
    steps.push(jest("multi-instance", ["--config", path.join(root, "integration-tests", "multi-instance", "jest.config.js"), "--runInBand"], {}, { database: true }))
  }
  if (!args.includes("--no-e2e")) {
    steps.push(browserTests())
  }
  return steps
}

/** Browser journeys (playwright.config.ts: one stack through the launcher, storefront and admin projects). */
function browserTests(): Step {
  const file = path.join(reportDir, "browser.json")
  return {
    name: "browser",
    command: bin("playwright"),
    args: ["test", "--reporter=line,json"],
    cwd: root,
    env: { PLAYWRIGHT_JSON_OUTPUT_NAME: file },
    report: { kind: "playwright", file },
    skip: fs.existsSync(chromium) ? undefined : `no Chromium at ${chromium}; install Debian's chromium package`,
  }
}

async function database(env: NodeJS.ProcessEnv): Promise<RunningPostgres | undefined> {
  if (env.DB_HOST === "127.0.0.1" || env.DB_HOST === "::1") {
    // @medusajs/test-utils turns on SSL for any database URL without
    // "localhost" in it; a loopback server without SSL then refuses.
    env.DB_HOST = "localhost"
  }
  if (env.DB_HOST) {
    log.ok(`PostgreSQL from DB_HOST: ${env.DB_USERNAME ?? "postgres"}@${env.DB_HOST}:${env.DB_PORT ?? 5432}`)
    return undefined
  }
  const port = await freePort()
  const pgData = fs.mkdtempSync(path.join(os.tmpdir(), "soko-test-pg-"))
  log.step(`No DB_HOST set: starting an embedded PostgreSQL for the tests on port ${port}`)
  const pg = await startEmbeddedPostgres({ dataDir: pgData, port, user: "postgres", password: "postgres", durable: false })
  Object.assign(env, { DB_HOST: "localhost", DB_PORT: String(port), DB_USERNAME: "postgres", DB_PASSWORD: "postgres" })
  return {
    ...pg,
    stop: async () => {
      await pg.stop()
      fs.rmSync(pg.dataDir, { recursive: true, force: true })
    },
  }
}

/**
 * The run's time, and the machine's busy core-minutes: divided by the cores, the
 * least time this much work could take here however it were run side by side.
 */
function runTime(started: number, cpu: CpuUse) {
  const seconds = (Date.now() - started) / 1000
  const coreMinutes = cpu.busySeconds / 60
  return (
    `npm test took ${(seconds / 60).toFixed(1)} min; the machine's cores were busy ${coresBusy(cpu, seconds)} on average ` +
    `(${coreMinutes.toFixed(1)} core-minutes: at least ${(coreMinutes / Math.max(cpu.cores, 1)).toFixed(1)} min on these ${cpu.cores} cores, all of them busy)`
  )
}

async function main() {
  const args = process.argv.slice(2)
  const started = Date.now()
  const cpuMeter = startCpuMeter()
  stopStepsOnSignal()
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    MEDUSA_DISABLE_TELEMETRY: "true",
    NODE_ENV: "test",
    LOG_LEVEL: process.env.LOG_LEVEL ?? "error",
  }
  // The app under test must not inherit a developer's DATABASE_URL: the runners create their own databases from DB_*.
  delete env.DATABASE_URL
  fs.mkdirSync(reportDir, { recursive: true })
  if (env.REDIS_URL) {
    log.ok(`REDIS_URL set: HTTP tests run on the Redis profile (${env.REDIS_URL})`)
  } else {
    log.warn("REDIS_URL not set: Redis-profile tests are SKIPPED (they run in CI, which sets REDIS_URL).")
  }

  const only = args.find((a) => a.startsWith("--only="))?.slice("--only=".length).split(",")
  const chosen = (lane: Step[]) => (only ? lane.filter((step) => only.includes(step.name)) : lane)
  /**
   * First what needs no shared database: the static checks and the launcher
   * test beside the unit tests. Then the app's own tests in-process (modules, HTTP, observability),
   * then whole systems started as processes (launcher, plugin installs, the
   * multi-instance cluster, the browser journeys). Those two run one after the
   * other, not side by side: on two cores both are CPU-bound, and side by side
   * (measured) the HTTP specs took four times as long and one lost its Redis
   * connection at teardown.
   */
  const phases = [
    [chosen([...(args.includes("--no-static") ? [] : staticChecks()), launcherStop()]), chosen(unitTests(args))],
    [chosen(appTests(env))],
    [chosen(systemTests(args))],
  ]
  const results: StepResult[] = []
  for (const lanes of phases) {
    const needsDatabase = lanes.flat().some((step) => step.database)
    const pg = needsDatabase ? await database(env) : undefined
    try {
      results.push(...(await runLanes(lanes, { env, logDir })))
    } finally {
      await pg?.stop()
    }
  }
  const coverage = args.includes("--coverage") ? readCoverageSummary(path.join(coverageDir, "coverage-summary.json")) : undefined
  const total = printSummary(results, [
    ...(coverage ? [`unit coverage: ${coverage} (report: ${path.relative(root, path.join(coverageDir, "index.html"))})`] : []),
    runTime(started, cpuMeter()),
  ])
  process.exit(total.failed || results.some((r) => r.code !== 0) ? 1 : 0)
}

main().catch((error) => {
  log.error(error instanceof LauncherError ? error.message : ((error as Error).stack ?? String(error)))
  process.exit(1)
})
