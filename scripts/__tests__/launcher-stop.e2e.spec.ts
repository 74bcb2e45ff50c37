/**
 * No way of stopping `npm run dev` leaves a process behind: Ctrl-C as a
 * terminal sends it (SIGINT to the whole foreground group, npm included),
 * SIGTERM to npm alone (as a supervisor stops its main process),
 * SIGTERM to the launcher alone, and the launcher killed outright (SIGKILL).
 * "Left behind" is any process the launcher started, directly or not, whatever
 * group it is in and wherever it runs: each carries this test's mark in its
 * environment (scripts/lib/leftovers.ts). The CI smoke checks the other way
 * round: every process whose command line or folder is in the checkout.
 *
 * Boots the launcher three times without the storefront, on ports 9200–9203
 * and a throwaway embedded database (the first boot migrates; the others reuse it):
 *
 *   flock /tmp/soko-heavy.lock npm run test:launcher-stop
 */
import { spawn, type ChildProcess } from "node:child_process"
import { randomBytes } from "node:crypto"
import fs from "node:fs"
import os from "node:os"
import path from "node:path"
import { describeLeftovers, processesMarked, settleLeftovers } from "../lib/leftovers"

jest.setTimeout(15 * 60_000)

const root = path.resolve(__dirname, "..", "..")
const basePort = Number(process.env.SOKO_LAUNCHER_TEST_PORT || 9200)
const pgData = fs.mkdtempSync(path.join(os.tmpdir(), "soko-launcher-stop-"))
/**
 * Every process the launcher starts inherits this variable (orphans too), so
 * "left behind" means exactly what this test started, wherever it runs, even
 * while other steps of `npm test` run in the same checkout.
 */
const MARK_NAME = "SOKO_LAUNCHER_STOP_TEST"
const MARK_VALUE = randomBytes(6).toString("hex")
const ours = () => processesMarked(`${MARK_NAME}=${MARK_VALUE}`)

function launcherEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: String(basePort),
    SOKO_PG_PORT: String(basePort + 1),
    SOKO_DARAJA_SIMULATOR_PORT: String(basePort + 2),
    SOKO_STOREFRONT_PORT: String(basePort + 3),
    SOKO_PG_DATA: pgData,
    SOKO_SKIP_STOREFRONT: "1",
    MEDUSA_DISABLE_TELEMETRY: "true",
    NODE_ENV: "development",
    [MARK_NAME]: MARK_VALUE,
  }
  // The embedded default, whatever the shell running the test has set.
  for (const name of ["DATABASE_URL", "REDIS_URL", "DB_HOST", "DB_PORT", "DB_USERNAME", "DB_PASSWORD", "TEST_TYPE"]) {
    delete env[name]
  }
  return env
}

/**
 * Starts the launcher in a process group of its own, as a shell starts a
 * foreground job, and waits until the backend answers, i.e. until PostgreSQL,
 * the simulator and medusa all run.
 */
async function startLauncher(viaNpm: boolean, until = "Soko is running"): Promise<{ child: ChildProcess; output: () => string }> {
  let output = ""
  const [command, args] = viaNpm
    ? ["npm", ["run", "dev"]]
    : [process.execPath, ["-r", "ts-node/register", "scripts/soko.ts"]]
  const child = spawn(command as string, args as string[], {
    cwd: root,
    env: launcherEnv(),
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
  })
  child.stdout!.on("data", (d: Buffer) => (output += d.toString()))
  child.stderr!.on("data", (d: Buffer) => (output += d.toString()))
  let exited = false
  child.once("exit", () => (exited = true))
  for (;;) {
    if (exited) {
      throw new Error(`the launcher exited before the backend answered:\n${output.split("\n").slice(-40).join("\n")}`)
    }
    if (output.includes(until)) {
      return { child, output: () => output }
    }
    await new Promise((r) => setTimeout(r, 500))
  }
}

function running(name: RegExp): boolean {
  return ours().some((p) => name.test(p.command))
}

async function expectNothingLeft(child: ChildProcess) {
  if (child.exitCode === null && child.signalCode === null) {
    await new Promise((resolve) => child.once("exit", resolve))
  }
  const left = await settleLeftovers(ours, { timeoutMs: 60_000 })
  if (left.length > 0) {
    throw new Error(`processes left behind:\n${describeLeftovers(left)}`)
  }
}

describe("stopping the launcher", () => {
  afterAll(async () => {
    // Whatever a failed case left: kill it, so the next run starts clean.
    for (const p of ours()) {
      try {
        process.kill(p.pid, "SIGKILL")
      } catch {
        // gone
      }
    }
    fs.rmSync(pgData, { recursive: true, force: true })
  })

  it("Ctrl-C on `npm run dev` (SIGINT to npm, the launcher and PostgreSQL at once) leaves nothing", async () => {
    const { child } = await startLauncher(true)
    expect(running(/medusa.* start --port/)).toBe(true)
    expect(running(/postgres -D/)).toBe(true)
    process.kill(-child.pid!, "SIGINT")
    await expectNothingLeft(child)
  })

  // npm exits on SIGTERM, and neither it nor the script's shell passes it on (scripts/lib/npm-parent.ts).
  it("SIGTERM to npm alone (a supervisor stopping its main process) leaves nothing", async () => {
    const { child } = await startLauncher(true)
    expect(running(/medusa.* start --port/)).toBe(true)
    process.kill(child.pid!, "SIGTERM")
    await expectNothingLeft(child)
  })

  it("SIGTERM to the launcher alone leaves nothing", async () => {
    const { child, output } = await startLauncher(false)
    expect(output()).toContain("Database migrations: nothing pending")
    expect(running(/medusa.* start --port/)).toBe(true)
    process.kill(child.pid!, "SIGTERM")
    await expectNothingLeft(child)
  })

  it("Ctrl-C while the backend is still starting reports the stop, not the exit it caused, and leaves nothing", async () => {
    const { child, output } = await startLauncher(false, "Starting the Medusa backend and admin…")
    process.kill(-child.pid!, "SIGINT")
    await expectNothingLeft(child)
    expect(output()).toContain("Stopping Soko…")
    expect(output()).not.toMatch(/exited before/)
  })

  it("the launcher killed outright (SIGKILL) leaves nothing: its reaper stops the rest", async () => {
    const { child } = await startLauncher(false)
    expect(running(/medusa.* start --port/)).toBe(true)
    expect(running(/postgres -D/)).toBe(true)
    process.kill(child.pid!, "SIGKILL")
    await expectNothingLeft(child)
  })
})
