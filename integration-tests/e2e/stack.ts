/**
 * Playwright's global setup: starts the whole system once through the
 * launcher (embedded PostgreSQL, backend and admin, Daraja simulator,
 * production storefront unless SOKO_SKIP_STOREFRONT is set) on its own
 * ports with a throwaway database, hands
 * the journeys its URLs through the environment, and returns the teardown
 * that stops it.
 */
import fs from "node:fs"
import os from "node:os"
import path from "node:path"
import { waitForHttp } from "../../scripts/lib/ports"
import { startProcess } from "../../scripts/lib/processes"
import { hasChromium, skipReason } from "./chromium"

const root = path.resolve(__dirname, "..", "..")

/** Ports: SOKO_E2E_PORT_BASE moves them all (backend, simulator, storefront, PostgreSQL = base … base+3). */
function ports() {
  const base = Number(process.env.SOKO_E2E_PORT_BASE)
  if (base) {
    return { backend: base, simulator: base + 1, storefront: base + 2, postgres: base + 3 }
  }
  return { backend: 9500, simulator: 9510, storefront: 8500, postgres: 54390 }
}

function stackEnv(port: ReturnType<typeof ports>, dataDir: string): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: String(port.backend),
    SOKO_PG_PORT: String(port.postgres),
    SOKO_PG_DATA: dataDir,
    SOKO_DARAJA_SIMULATOR_PORT: String(port.simulator),
    SOKO_STOREFRONT_PORT: String(port.storefront),
    SOKO_STOREFRONT_MODE: "production",
    MEDUSA_DISABLE_TELEMETRY: "true",
    NEXT_TELEMETRY_DISABLED: "1",
  }
  // The stack is the embedded default profile, whatever the caller's shell points at.
  for (const name of ["DATABASE_URL", "REDIS_URL", "DB_HOST", "DB_PORT", "DB_USERNAME", "DB_PASSWORD", "NODE_ENV", "LOG_LEVEL"]) {
    delete env[name]
  }
  // The backend's log level for this stack alone (`http` logs every request: storefront/e2e/checkout-capture.spec.mjs).
  if (process.env.SOKO_E2E_LOG_LEVEL) {
    env.LOG_LEVEL = process.env.SOKO_E2E_LOG_LEVEL
  }
  return env
}

export default async function startStack(): Promise<(() => Promise<void>) | undefined> {
  if (!hasChromium()) {
    console.log(`SKIPPED: browser journeys (${skipReason()})`)
    return undefined
  }
  const port = ports()
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "soko-e2e-pg-"))
  const logFile = path.join(root, ".data", "e2e-stack.log")
  fs.mkdirSync(path.dirname(logFile), { recursive: true })
  fs.rmSync(logFile, { force: true })
  console.log(`[e2e] starting the stack: backend :${port.backend}, storefront :${port.storefront} (log: ${path.relative(root, logFile)})`)
  const stack = startProcess("e2e stack", process.execPath, ["-r", "ts-node/register", path.join(root, "scripts", "soko.ts")], {
    cwd: root,
    env: stackEnv(port, dataDir),
    logFile,
  })
  const stop = async () => {
    // Ctrl-C, as a developer stops it: the launcher stops its children in order. Past a minute it is stuck.
    await stack.stop({ signal: "SIGINT", graceMs: 60_000 })
    fs.rmSync(dataDir, { recursive: true, force: true })
  }

  const backendUrl = `http://localhost:${port.backend}`
  const storefrontUrl = `http://localhost:${port.storefront}`
  const simulatorUrl = `http://127.0.0.1:${port.simulator}`
  try {
    await waitForHttp(`${backendUrl}/health`, { timeoutMs: 600_000, child: stack })
    // SOKO_SKIP_STOREFRONT (admin journeys only): the launcher starts no storefront, so none to wait for.
    if (!process.env.SOKO_SKIP_STOREFRONT) {
      // The home page redirects to the shopper's country (/ke): any answer short of an error means it is up.
      await waitForHttp(storefrontUrl, { timeoutMs: 900_000, child: stack, accept: (res) => res.status < 400 })
    }
  } catch (error) {
    await stop()
    const tail = fs.readFileSync(logFile, "utf8").split("\n").slice(-40).join("\n")
    throw new Error(`The stack for the browser journeys did not come up: ${(error as Error).message}\n${tail}`)
  }
  const prepared = JSON.parse(
    fs.readFileSync(path.join(root, ".data", "run", String(port.backend), "prepare.json"), "utf8")
  ) as { publishableKey: string }
  Object.assign(process.env, {
    SOKO_E2E_BACKEND_URL: backendUrl,
    SOKO_E2E_STOREFRONT_URL: storefrontUrl,
    SOKO_E2E_SIMULATOR_URL: simulatorUrl,
    SOKO_E2E_PUBLISHABLE_KEY: prepared.publishableKey,
  })
  console.log("[e2e] stack ready")
  return stop
}
