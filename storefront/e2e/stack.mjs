/**
 * Starts the whole Soko system for the browser tests through the root launcher
 * (`npm run dev` at the repository root) on alternate ports with a throwaway
 * database, and stops it with SIGINT to its process group.
 */
import { spawn, spawnSync } from "node:child_process"
import fs from "node:fs"
import net from "node:net"
import os from "node:os"
import path from "node:path"

export const storefrontDir = path.resolve(import.meta.dirname, "..")
export const repoRoot = path.resolve(storefrontDir, "..")
export const DIST_DIR = ".next-e2e"

async function isFree(port) {
  return new Promise((resolve) => {
    const server = net.createServer()
    server.once("error", () => resolve(false))
    server.listen(port, "0.0.0.0", () => server.close(() => resolve(true)))
  })
}

async function freePort(preferred) {
  for (let port = preferred; port < preferred + 200; port++) {
    if (await isFree(port)) {
      return port
    }
  }
  throw new Error(`No free port near ${preferred}`)
}

export async function choosePorts() {
  const taken = new Set()
  const pick = async (base) => {
    let port = await freePort(base)
    while (taken.has(port)) {
      port = await freePort(port + 1)
    }
    taken.add(port)
    return port
  }
  return {
    backend: await pick(Number(process.env.E2E_BACKEND_PORT || 9400)),
    postgres: await pick(Number(process.env.E2E_PG_PORT || 54380)),
    simulator: await pick(Number(process.env.E2E_SIMULATOR_PORT || 9410)),
    storefront: await pick(Number(process.env.E2E_STOREFRONT_PORT || 8400)),
  }
}

/** Builds the storefront for production into its own folder unless that build is current. */
export function buildStorefront(log) {
  const started = Date.now()
  const result = spawnSync(process.execPath, [path.join(storefrontDir, "scripts", "next.mjs"), "build-if-stale"], {
    cwd: storefrontDir,
    env: { ...process.env, SOKO_NEXT_DIST_DIR: DIST_DIR },
    stdio: ["ignore", "pipe", "pipe"],
    encoding: "utf8",
  })
  if (result.status !== 0) {
    process.stdout.write(result.stdout ?? "")
    process.stderr.write(result.stderr ?? "")
    throw new Error("The storefront build failed (output above)")
  }
  log(`storefront build ready (${((Date.now() - started) / 1000).toFixed(0)} s)`)
}

async function waitFor(url, { timeoutMs, alive, what }) {
  const deadline = Date.now() + timeoutMs
  let last = ""
  while (Date.now() < deadline) {
    if (!alive()) {
      throw new Error(`The stack stopped while waiting for ${what} (see ${logFileHint})`)
    }
    try {
      const res = await fetch(url, { redirect: "manual", signal: AbortSignal.timeout(10_000) })
      if (res.status < 500) {
        return
      }
      last = `HTTP ${res.status}`
    } catch (error) {
      last = error.cause?.code ?? error.message
    }
    await new Promise((r) => setTimeout(r, 1000))
  }
  throw new Error(`Timed out waiting for ${what} at ${url} (${last})`)
}

let logFileHint = "storefront/.e2e-tmp/stack.log"

export async function startStack(log) {
  if (!fs.existsSync(path.join(repoRoot, "node_modules", ".bin", "medusa"))) {
    throw new Error("The backend's dependencies are not installed: run `npm install` at the repository root first.")
  }
  const ports = await choosePorts()
  const pgData = fs.mkdtempSync(path.join(os.tmpdir(), "soko-e2e-pg-"))
  const tmp = path.join(storefrontDir, ".e2e-tmp")
  fs.mkdirSync(tmp, { recursive: true })
  const logFile = path.join(tmp, "stack.log")
  logFileHint = path.relative(process.cwd(), logFile)
  const out = fs.openSync(logFile, "w")
  const env = {
    ...process.env,
    PORT: String(ports.backend),
    SOKO_PG_PORT: String(ports.postgres),
    SOKO_PG_DATA: pgData,
    SOKO_DARAJA_SIMULATOR_PORT: String(ports.simulator),
    SOKO_STOREFRONT_PORT: String(ports.storefront),
    SOKO_STOREFRONT_MODE: "production",
    SOKO_NEXT_DIST_DIR: DIST_DIR,
    NEXT_TELEMETRY_DISABLED: "1",
    MEDUSA_DISABLE_TELEMETRY: "true",
  }
  delete env.DATABASE_URL
  delete env.MPESA_CONSUMER_KEY
  delete env.NEXT_PUBLIC_MEDUSA_PUBLISHABLE_KEY
  delete env.MEDUSA_BACKEND_URL
  delete env.NEXT_PUBLIC_MEDUSA_BACKEND_URL
  log(`starting the stack: backend :${ports.backend}, storefront :${ports.storefront}, simulator :${ports.simulator}, postgres :${ports.postgres}`)
  const child = spawn("npm", ["run", "dev"], { cwd: repoRoot, env, detached: true, stdio: ["ignore", out, out] })
  let exited = false
  child.once("exit", () => {
    exited = true
  })
  const alive = () => !exited

  const stack = {
    ports,
    backendUrl: `http://localhost:${ports.backend}`,
    storefrontUrl: `http://localhost:${ports.storefront}`,
    simulatorUrl: `http://127.0.0.1:${ports.simulator}`,
    logFile,
    publishableKey: "",
    async stop() {
      if (!exited && child.pid) {
        try {
          process.kill(-child.pid, "SIGINT")
        } catch {}
        const deadline = Date.now() + 60_000
        while (!exited && Date.now() < deadline) {
          await new Promise((r) => setTimeout(r, 250))
        }
        if (!exited) {
          try {
            process.kill(-child.pid, "SIGKILL")
          } catch {}
        }
      }
      fs.closeSync(out)
      fs.rmSync(pgData, { recursive: true, force: true })
    },
  }
  try {
    await waitFor(`${stack.backendUrl}/health`, { timeoutMs: 8 * 60_000, alive, what: "the backend" })
    log("backend is up")
    await waitFor(`${stack.storefrontUrl}/ke`, { timeoutMs: 6 * 60_000, alive, what: "the storefront" })
    const prepared = JSON.parse(fs.readFileSync(path.join(repoRoot, ".data", "run", String(ports.backend), "prepare.json"), "utf8"))
    stack.publishableKey = prepared.publishableKey
    log("storefront is up")
  } catch (error) {
    await stack.stop()
    throw error
  }
  return stack
}
