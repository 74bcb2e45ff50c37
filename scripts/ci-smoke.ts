/**
 * CI's quick-start smoke: runs README's first command on the embedded default,
 * waits until /health answers and the store API serves the seeded catalog in
 * KES, logs in to admin, presses Ctrl-C, checks that no process is left in
 * this checkout, then starts again to prove the data is reused and the
 * migrations are skipped. PORT and SOKO_DARAJA_SIMULATOR_PORT move it.
 */
import fs from "node:fs"
import path from "node:path"
import { quickStartCommands } from "./lib/readme"
import { describeLeftovers, processesUnder, settleLeftovers } from "./lib/leftovers"
import { log } from "./lib/log"
import { ownReaperPid, signalGroup, startProcess, stopAll, type Child } from "./lib/processes"

const root = path.resolve(__dirname, "..")
const backend = `http://localhost:${process.env.PORT ?? 9000}`

function launch(command: string): { child: Child; said: (text: string) => boolean } {
  const lines: string[] = []
  const env = { ...process.env }
  // The smoke tests the embedded default: no external services.
  for (const name of ["DATABASE_URL", "REDIS_URL", "DB_HOST", "DB_PORT", "DB_USERNAME", "DB_PASSWORD"]) {
    delete env[name]
  }
  const child = startProcess("quick start", "bash", ["-c", command], {
    cwd: root,
    env,
    prefix: "  │ ",
    onLine: (line) => lines.push(line),
  })
  return { child, said: (text) => lines.some((line) => line.includes(text)) }
}

async function until<T>(what: string, timeoutMs: number, fn: () => Promise<T | undefined>, alive: () => boolean): Promise<T> {
  const deadline = Date.now() + timeoutMs
  while (Date.now() < deadline) {
    if (!alive()) {
      throw new Error(`the launcher exited before ${what}`)
    }
    try {
      const value = await fn()
      if (value !== undefined) {
        return value
      }
    } catch {
      // not yet
    }
    await new Promise((r) => setTimeout(r, 1000))
  }
  throw new Error(`timed out waiting for ${what}`)
}

async function checkRunning(alive: () => boolean) {
  await until("/health", 600_000, async () => ((await fetch(`${backend}/health`)).ok ? true : undefined), alive)
  const prepared = JSON.parse(fs.readFileSync(path.join(root, ".data", "run", process.env.PORT ?? "9000", "prepare.json"), "utf8")) as {
    publishableKey: string
    kenyaRegionId: string
  }
  const headers = { "x-publishable-api-key": prepared.publishableKey }
  const res = await fetch(
    `${backend}/store/products?limit=50&region_id=${prepared.kenyaRegionId}&fields=handle,*variants.calculated_price`,
    { headers }
  )
  const body = (await res.json()) as {
    count: number
    products: { handle: string; variants: { calculated_price: { calculated_amount: number; currency_code: string } }[] }[]
  }
  if (body.count < 12) {
    throw new Error(`store API returned ${body.count} products, expected at least 12`)
  }
  const coffee = body.products.find((p) => p.handle === "kenya-aa-coffee")
  const price = coffee?.variants[0].calculated_price
  if (price?.currency_code !== "kes" || price.calculated_amount !== 1450) {
    throw new Error(`unexpected coffee price ${JSON.stringify(price)}`)
  }
  const login = await fetch(`${backend}/auth/user/emailpass`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ email: "admin@example.com", password: "supersecret" }),
  })
  if (!login.ok) {
    throw new Error(`admin login failed: ${login.status}`)
  }
  const admin = await fetch(`${backend}/app`)
  if (!admin.ok) {
    throw new Error(`admin UI at /app answered ${admin.status}`)
  }
  const simulator = await fetch(`http://127.0.0.1:${process.env.SOKO_DARAJA_SIMULATOR_PORT ?? 9010}/__simulator/health`)
  if (!simulator.ok) {
    throw new Error(`Daraja simulator health answered ${simulator.status}`)
  }
  log.ok(`store API serves ${body.count} products (coffee KES 1,450), admin login works, /app answers, simulator up`)
  return { publishableKey: prepared.publishableKey, count: body.count }
}

async function stop(child: Child, except: number[]) {
  signalGroup(child.pid, "SIGINT") // what a terminal's Ctrl-C does: the whole foreground group
  const code = await Promise.race([child.exited, new Promise<"timeout">((r) => setTimeout(() => r("timeout"), 60_000))])
  if (code === "timeout") {
    throw new Error("the launcher did not stop within 60 s of Ctrl-C")
  }
  // Any process in this checkout counts, whatever group or parent it ended up with.
  const reaperPid = ownReaperPid()
  const left = await settleLeftovers(() => processesUnder(root, { except: reaperPid ? [...except, reaperPid] : except }))
  if (left.length > 0) {
    throw new Error(`processes left after Ctrl-C:\n${describeLeftovers(left)}`)
  }
  log.ok("Ctrl-C stopped everything; no process left in the checkout")
}

async function main() {
  const [first] = quickStartCommands(path.join(root, "README.md"))
  // Whatever already ran here (a CI step beside this one) is not the launcher's to stop.
  const before = processesUnder(root).map((p) => p.pid)
  let previous: { publishableKey: string; count: number } | undefined
  for (const round of ["first start", "second start (reuses data)"]) {
    log.step(`${round}: ${first}`)
    const started = Date.now()
    const run = launch(first)
    try {
      const state = await checkRunning(run.child.alive)
      log.ok(`${round} ready in ${((Date.now() - started) / 1000).toFixed(1)} s`)
      if (previous && (previous.publishableKey !== state.publishableKey || previous.count !== state.count)) {
        throw new Error(`second start did not reuse the data: ${JSON.stringify({ previous, state })}`)
      }
      previous = state
      // The first start migrated and recorded it; nothing changed since, so the launcher must not migrate again.
      if (round.startsWith("second") && !run.said("Database migrations: nothing pending")) {
        throw new Error("second start ran the database migrations again although nothing was pending")
      }
    } catch (error) {
      await stopAll({ graceMs: 5_000 })
      throw error
    }
    await stop(run.child, before)
  }
}

main().catch((error) => {
  log.error(`quick-start smoke failed: ${(error as Error).message}`)
  process.exit(1)
})
