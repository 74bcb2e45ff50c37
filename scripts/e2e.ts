/**
 * Browser end-to-end layer: starts the whole system once (the launcher, on
 * its own ports with a throwaway embedded database and a production build of
 * the storefront), runs every browser journey against it, and stops it.
 * Without Chromium at /usr/bin/chromium (or SOKO_CHROMIUM) it says SKIPPED.
 * Prints "N passed, N failed" for the journeys it ran.
 */
import { spawn, spawnSync } from "node:child_process"
import fs from "node:fs"
import os from "node:os"
import path from "node:path"
import { log } from "./lib/log"
import { waitForHttp } from "./lib/ports"

const root = path.resolve(__dirname, "..")
const chromium = process.env.SOKO_CHROMIUM || "/usr/bin/chromium"
const PORTS = { backend: 9500, postgres: 54390, simulator: 9510, storefront: 8500 }

/**
 * Journeys that run only on request (SOKO_E2E_STOREFRONT=1) because they are
 * not yet reliable enough to gate CI. Empty: every journey gates.
 */
const NOT_YET_GATING: string[] = []

type Journey = { name: string; command: string; args: string[]; cwd: string; env: NodeJS.ProcessEnv }

function journeys(stackEnv: NodeJS.ProcessEnv): Journey[] {
  const list: Journey[] = []
  // The storefront's shopper journeys (storefront/e2e), against the same stack.
  // They gate again: the storefront's form actions no longer have the router
  // apply a re-rendered page inside the action's transition, which with Next
  // 15.5 now and then never committed (the promo form stuck on "Applying…").
  if (fs.existsSync(path.join(root, "storefront", "package.json"))) {
    list.push({ name: "storefront journeys", command: "npm", args: ["run", "test:e2e", "--silent"], cwd: path.join(root, "storefront"), env: stackEnv })
  }
  const dir = path.join(root, "integration-tests", "e2e")
  const all = process.env.SOKO_E2E_STOREFRONT === "1"
  for (const file of fs.existsSync(dir) ? fs.readdirSync(dir).filter((f) => f.endsWith(".e2e.ts")).sort() : []) {
    if (NOT_YET_GATING.includes(file) && !all) {
      console.log(`e2e: ${file} not run (not yet stable enough to gate CI; SOKO_E2E_STOREFRONT=1 runs it)`)
      continue
    }
    list.push({ name: file, command: process.execPath, args: ["-r", "ts-node/register", path.join(dir, file)], cwd: root, env: stackEnv })
  }
  return list
}

async function main() {
  if (!fs.existsSync(chromium)) {
    console.log(`SKIPPED: browser e2e tests (Chromium not found at ${chromium}; install Debian's chromium package to run them)`)
    console.log("0 passed, 0 failed, 1 skipped")
    return
  }
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "soko-e2e-pg-"))
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: String(PORTS.backend),
    SOKO_PG_PORT: String(PORTS.postgres),
    SOKO_PG_DATA: dataDir,
    SOKO_DARAJA_SIMULATOR_PORT: String(PORTS.simulator),
    SOKO_STOREFRONT_PORT: String(PORTS.storefront),
    SOKO_STOREFRONT_MODE: "production",
    MEDUSA_DISABLE_TELEMETRY: "true",
  }
  for (const name of ["DATABASE_URL", "REDIS_URL", "DB_HOST", "DB_PORT", "DB_USERNAME", "DB_PASSWORD", "NODE_ENV", "LOG_LEVEL"]) {
    delete env[name]
  }
  const logFile = path.join(root, ".data", "e2e-stack.log")
  fs.mkdirSync(path.dirname(logFile), { recursive: true })
  const out = fs.openSync(logFile, "w")
  log.step(`starting the stack for the browser tests (log: ${path.relative(root, logFile)})`)
  const stack = spawn(process.execPath, ["-r", "ts-node/register", path.join(root, "scripts", "soko.ts")], {
    cwd: root,
    env,
    detached: true,
    stdio: ["ignore", out, out],
  })
  let alive = true
  stack.once("exit", () => (alive = false))
  const stop = async () => {
    if (!alive) {
      return
    }
    const exited = new Promise((resolve) => stack.once("exit", resolve))
    process.kill(-stack.pid!, "SIGINT")
    await Promise.race([exited, new Promise((r) => setTimeout(r, 60_000))])
    try {
      process.kill(-stack.pid!, "SIGKILL")
    } catch {
      // stopped
    }
  }
  let passed = 0
  let failed = 0
  try {
    const backendUrl = `http://localhost:${PORTS.backend}`
    const storefrontUrl = `http://localhost:${PORTS.storefront}`
    await waitForHttp(`${backendUrl}/health`, { timeoutMs: 600_000, isAlive: () => alive })
    await waitForHttp(storefrontUrl, { timeoutMs: 900_000, isAlive: () => alive })
    const prepared = JSON.parse(
      fs.readFileSync(path.join(root, ".data", "run", String(PORTS.backend), "prepare.json"), "utf8")
    ) as { publishableKey: string }
    log.ok("stack ready")
    const stackEnv: NodeJS.ProcessEnv = {
      ...process.env,
      SOKO_E2E_BACKEND_URL: backendUrl,
      SOKO_E2E_STOREFRONT_URL: storefrontUrl,
      SOKO_E2E_SIMULATOR_URL: `http://127.0.0.1:${PORTS.simulator}`,
      SOKO_E2E_PUBLISHABLE_KEY: prepared.publishableKey,
      E2E_BASE_URL: storefrontUrl,
      E2E_BACKEND_URL: backendUrl,
      E2E_SIMULATOR_URL: `http://127.0.0.1:${PORTS.simulator}`,
      E2E_PUBLISHABLE_KEY: prepared.publishableKey,
    }
    for (const journey of journeys(stackEnv)) {
      log.step(`e2e: ${journey.name}`)
      const result = spawnSync(journey.command, journey.args, { cwd: journey.cwd, env: journey.env, stdio: "inherit" })
      if (result.status === 0) {
        passed += 1
        log.ok(`e2e: ${journey.name}`)
      } else {
        failed += 1
        log.error(`e2e: ${journey.name} failed (exit ${result.status})`)
      }
    }
  } catch (error) {
    failed += 1
    log.error(`the e2e stack did not come up: ${(error as Error).message}`)
    console.error(fs.readFileSync(logFile, "utf8").split("\n").slice(-60).join("\n"))
  } finally {
    await stop()
    fs.rmSync(dataDir, { recursive: true, force: true })
  }
  console.log(`${passed} passed, ${failed} failed`)
  process.exit(failed ? 1 : 0)
}

main().catch((error) => {
  log.error((error as Error).stack ?? String(error))
  process.exit(1)
})
