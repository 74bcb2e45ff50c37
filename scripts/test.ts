/**
 * `npm test`: typecheck, lint, then the jest layers (unit, module, HTTP) and the
 * plugin install tests (integration-tests/plugin-install) against
 * real PostgreSQL: the one in DB_HOST/DB_PORT/DB_USERNAME/DB_PASSWORD when set,
 * otherwise an embedded PostgreSQL started here and removed afterwards.
 * Ends with one line: "N passed, N failed, N skipped".
 */
import { spawn } from "node:child_process"
import fs from "node:fs"
import os from "node:os"
import path from "node:path"
import { startEmbeddedPostgres, type RunningPostgres } from "./lib/embedded-postgres"
import { LauncherError, log } from "./lib/log"
import { freePort } from "./lib/ports"

const root = path.resolve(__dirname, "..")
const bin = (name: string) => path.join(root, "node_modules", ".bin", name)

type Totals = { passed: number; failed: number; skipped: number }
const totals: Totals = { passed: 0, failed: 0, skipped: 0 }
const failures: string[] = []

function run(label: string, command: string, args: string[], env: NodeJS.ProcessEnv): Promise<number> {
  log.step(label)
  const started = Date.now()
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd: root, env, stdio: "inherit" })
    child.once("exit", (code) => {
      const seconds = ((Date.now() - started) / 1000).toFixed(1)
      if (code === 0) {
        log.ok(`${label} (${seconds} s)`)
      } else {
        log.error(`${label} failed (exit ${code}, ${seconds} s)`)
        failures.push(label)
        if (!label.startsWith("jest")) {
          // typecheck and lint count as one failed check each
          totals.failed += 1
        }
      }
      resolve(code ?? 1)
    })
  })
}

async function jest(layer: string, extraArgs: string[], env: NodeJS.ProcessEnv) {
  const report = path.join(os.tmpdir(), `soko-jest-${layer.replace(/\W/g, "-")}-${process.pid}.json`)
  const layerEnv: NodeJS.ProcessEnv = { ...env, TEST_TYPE: layer }
  if (layer !== "unit") {
    // Every HTTP spec boots a whole Medusa app in the one in-band jest process, and what each
    // leaves behind adds up: 20 spec files outgrew Node's default heap (out of memory in CI).
    layerEnv.NODE_OPTIONS = `${env.NODE_OPTIONS ?? ""} --experimental-vm-modules --max-old-space-size=8192`.trim()
  }
  await run(`jest ${layer}`, bin("jest"), ["--json", `--outputFile=${report}`, "--passWithNoTests", ...extraArgs], layerEnv)
  if (fs.existsSync(report)) {
    const result = JSON.parse(fs.readFileSync(report, "utf8")) as {
      numPassedTests: number
      numFailedTests: number
      numPendingTests: number
      numTodoTests: number
      numRuntimeErrorTestSuites: number
    }
    totals.passed += result.numPassedTests
    totals.failed += result.numFailedTests + result.numRuntimeErrorTestSuites
    totals.skipped += result.numPendingTests + result.numTodoTests
    fs.rmSync(report)
  } else {
    totals.failed += 1
  }
}

const storefrontDir = path.join(root, "storefront")
const hasStorefront = () => fs.existsSync(path.join(storefrontDir, "package.json"))

/** The storefront's own unit/component tests (vitest), counted like jest's. */
async function storefrontUnit(env: NodeJS.ProcessEnv) {
  const report = path.join(os.tmpdir(), `soko-vitest-${process.pid}.json`)
  const vitest = path.join(storefrontDir, "node_modules", ".bin", "vitest")
  log.step("storefront unit tests (vitest)")
  const code = await new Promise<number>((resolve) => {
    const child = spawn(vitest, ["run", "--reporter=default", "--reporter=json", `--outputFile=${report}`], {
      cwd: storefrontDir,
      env,
      stdio: "inherit",
    })
    child.once("exit", (c) => resolve(c ?? 1))
  })
  if (fs.existsSync(report)) {
    const result = JSON.parse(fs.readFileSync(report, "utf8")) as { numPassedTests: number; numFailedTests: number; numPendingTests: number }
    totals.passed += result.numPassedTests
    totals.failed += result.numFailedTests
    totals.skipped += result.numPendingTests
    fs.rmSync(report)
  }
  if (code !== 0) {
    failures.push("storefront unit tests")
    if (!fs.existsSync(report)) {
      totals.failed += 1
    }
  }
  log[code === 0 ? "ok" : "error"]("storefront unit tests")
}

/**
 * Runs a Node script that ends with "N passed, N failed[, N skipped]" and adds
 * those counts to the totals (one failure when it dies without the line).
 */
async function summarised(label: string, script: string[], env: NodeJS.ProcessEnv) {
  log.step(label)
  let output = ""
  const started = Date.now()
  const code = await new Promise<number>((resolve) => {
    const child = spawn(process.execPath, ["-r", "ts-node/register", ...script], {
      cwd: root,
      env,
      stdio: ["ignore", "pipe", "inherit"],
    })
    child.stdout!.on("data", (chunk: Buffer) => {
      output += chunk.toString()
      process.stdout.write(chunk)
    })
    child.once("exit", (c) => resolve(c ?? 1))
  })
  const summary = output.match(/^(\d+) passed, (\d+) failed(?:, (\d+) skipped)?$/m)
  if (summary) {
    totals.passed += Number(summary[1])
    totals.failed += Number(summary[2])
    totals.skipped += Number(summary[3] ?? 0)
  } else if (code !== 0) {
    totals.failed += 1
  }
  const seconds = ((Date.now() - started) / 1000).toFixed(1)
  if (code !== 0) {
    failures.push(label)
    log.error(`${label} failed (${seconds} s)`)
  } else {
    log.ok(`${label} (${seconds} s)`)
  }
}

/** Browser journeys (playwright.config.ts: one stack, storefront and admin projects), counted from Playwright's JSON report. */
async function e2e(env: NodeJS.ProcessEnv) {
  const report = path.join(os.tmpdir(), `soko-playwright-${process.pid}.json`)
  log.step("browser e2e tests (Playwright)")
  const started = Date.now()
  const code = await new Promise<number>((resolve) => {
    const child = spawn(path.join(root, "node_modules", ".bin", "playwright"), ["test", "--reporter=list,json"], {
      cwd: root,
      env: { ...env, PLAYWRIGHT_JSON_OUTPUT_NAME: report },
      stdio: "inherit",
    })
    child.once("exit", (c) => resolve(c ?? 1))
  })
  if (fs.existsSync(report)) {
    const { stats } = JSON.parse(fs.readFileSync(report, "utf8")) as {
      stats: { expected: number; unexpected: number; skipped: number; flaky: number }
    }
    totals.passed += stats.expected + stats.flaky
    totals.failed += stats.unexpected
    totals.skipped += stats.skipped
    fs.rmSync(report)
  } else if (code !== 0) {
    totals.failed += 1
  }
  const seconds = ((Date.now() - started) / 1000).toFixed(1)
  if (code !== 0) {
    failures.push("browser e2e tests")
    log.error(`browser e2e tests failed (${seconds} s)`)
  } else {
    log.ok(`browser e2e tests (${seconds} s)`)
  }
}

/**
 * Soko as 2 servers + 1 worker over PostgreSQL and Redis (integration-tests/multi-instance):
 * exactly-once orders, captures, notifications and timers. Skipped (one skipped test) without REDIS_URL.
 */
const multiInstance = (env: NodeJS.ProcessEnv) =>
  summarised("multi-instance test", [path.join(root, "integration-tests", "multi-instance", "run.ts"), "--quick"], env)

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
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "soko-test-pg-"))
  log.step(`No DB_HOST set: starting an embedded PostgreSQL for the tests on port ${port}`)
  const pg = await startEmbeddedPostgres({
    dataDir,
    port,
    user: "postgres",
    password: "postgres",
    durable: false,
  })
  Object.assign(env, { DB_HOST: "localhost", DB_PORT: String(port), DB_USERNAME: "postgres", DB_PASSWORD: "postgres" })
  return {
    ...pg,
    stop: async () => {
      await pg.stop()
      fs.rmSync(pg.dataDir, { recursive: true, force: true })
    },
  }
}

async function main() {
  const args = process.argv.slice(2)
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    MEDUSA_DISABLE_TELEMETRY: "true",
    NODE_ENV: "test",
    LOG_LEVEL: process.env.LOG_LEVEL ?? "error",
  }
  // The app under test must not inherit a developer's DATABASE_URL: the
  // runners create their own databases from DB_*.
  delete env.DATABASE_URL

  if (!args.includes("--no-static")) {
    await run("typecheck", "npm", ["run", "typecheck", "--silent"], env)
    await run("lint", "npm", ["run", "lint", "--silent"], env)
    if (hasStorefront()) {
      await run("storefront typecheck", "npm", ["run", "typecheck", "--silent", "--prefix", storefrontDir], env)
      await run("storefront lint", "npm", ["run", "lint", "--silent", "--prefix", storefrontDir], env)
    }
  }
  const pg = await database(env)
  try {
    if (!env.REDIS_URL) {
      log.warn("REDIS_URL not set: Redis-profile tests are SKIPPED (they run in CI, which sets REDIS_URL).")
    } else {
      log.ok(`REDIS_URL set: HTTP tests run on the Redis profile (${env.REDIS_URL})`)
    }
    await jest("unit", ["--silent"], env)
    // --silent keeps Medusa's and knex's console chatter out; failures still print in full.
    await jest("integration:modules", ["--silent", "--runInBand", "--forceExit"], env)
    await jest("integration:http", ["--silent", "--runInBand", "--forceExit"], env)
    if (!args.includes("--no-plugin-install")) {
      // Plugin install tests: each plugin packed (npm run pack:plugins) and installed from its
      // tarball into a scratch Medusa 2.21.2 app that is migrated, built, started and driven over HTTP.
      log.step("plugin install tests (integration-tests/plugin-install)")
      await jest(
        "plugin-install",
        ["--config", path.join(root, "integration-tests", "plugin-install", "jest.config.js"), "--runInBand", "--forceExit"],
        env
      )
    }
    if (!args.includes("--no-multi-instance")) {
      await multiInstance(env)
    }
  } finally {
    await pg?.stop()
  }
  if (hasStorefront()) {
    await storefrontUnit({ ...env, NODE_ENV: "test" })
  }
  if (!args.includes("--no-e2e")) {
    await e2e(env)
  }
  console.log("")
  if (failures.length) {
    log.error(`Failed: ${failures.join(", ")}`)
  }
  console.log(`${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`)
  process.exit(failures.length ? 1 : 0)
}

main().catch((error) => {
  log.error(error instanceof LauncherError ? error.message : ((error as Error).stack ?? String(error)))
  process.exit(1)
})
