/**
 * `npm run bench:dev`: what a newcomer waits for with `npm run dev` on the
 * embedded default (no DATABASE_URL, no REDIS_URL). Starts the launcher on a
 * fresh data folder, reads the product list as the storefront asks for it,
 * stops it, starts it a second time, and reports:
 *
 *   - first and second start to ready (the launcher's banner), with the
 *     launcher's own step timings;
 *   - the product list's p50/p95 over sequential requests on the running
 *     backend (one connection, as one shopper browsing).
 *
 * The storefront is left out unless `--storefront` is given: its `next dev`
 * compiles pages on first request, which is the same with or without anything
 * measured here. Ports 9950–9953 (override the first with BENCH_DEV_PORT).
 * Results go to `.data/measurements/dev-start-<date>.json`.
 *
 *   npm run bench:dev
 *   npm run bench:dev -- --requests 100 --label after
 *   SOKO_CACHING=false npm run bench:dev -- --label caching-off
 */
import fs from "node:fs"
import os from "node:os"
import path from "node:path"
import { startProcess, type Child } from "../scripts/lib/processes"

const root = path.resolve(__dirname, "..")

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`)
  return i >= 0 ? process.argv[i + 1] : undefined
}

const basePort = Number(process.env.BENCH_DEV_PORT || 9950)
const requests = Number(arg("requests") ?? 60)
const label = arg("label") ?? "run"
const withStorefront = process.argv.includes("--storefront")

type Start = { readyMs: number; steps: string[] }

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]
}

/** Starts the launcher and resolves once its banner is printed. */
async function startLauncher(env: NodeJS.ProcessEnv): Promise<{ launcher: Child; start: Start }> {
  const started = Date.now()
  const steps: string[] = []
  let ready = false
  let markReady: (ms: number) => void = () => undefined
  const launcher = startProcess("soko", process.execPath, ["-r", "ts-node/register", "scripts/soko.ts"], {
    cwd: root,
    env,
    prefix: "  │ ",
    onLine: (line) => {
      // The launcher's own "✓ <step> (<seconds> s)" lines, kept for the report.
      if (line.trim().startsWith("✓") && !ready) {
        steps.push(line.trim())
      }
      if (line.includes("Soko is running") && !ready) {
        ready = true
        markReady(Date.now() - started)
      }
    },
  })
  const readyMs = await new Promise<number>((resolve, reject) => {
    markReady = resolve
    void launcher.exited.then((code) => reject(new Error(`the launcher exited (code ${code}) before it was ready`)))
  })
  return { launcher, start: { readyMs, steps } }
}

async function productListLatencies(backendUrl: string, runDir: string): Promise<{ p50: number; p95: number; first: number }> {
  const { publishableKey } = JSON.parse(fs.readFileSync(path.join(runDir, "prepare.json"), "utf8")) as {
    publishableKey: string
  }
  const headers = { "x-publishable-api-key": publishableKey }
  const regions = (await (await fetch(`${backendUrl}/store/regions`, { headers })).json()) as {
    regions: { id: string }[]
  }
  // The storefront's catalog page: 12 products with prices for the shopper's region.
  const url =
    `${backendUrl}/store/products?limit=12&offset=0&region_id=${regions.regions[0].id}` +
    `&fields=*variants.calculated_price,+variants.inventory_quantity`
  const times: number[] = []
  for (let i = 0; i < requests; i++) {
    const t0 = performance.now()
    const res = await fetch(url, { headers })
    await res.arrayBuffer()
    if (!res.ok) {
      throw new Error(`GET ${url} answered ${res.status}`)
    }
    times.push(performance.now() - t0)
  }
  const first = times[0]
  const sorted = [...times].sort((a, b) => a - b)
  return { p50: percentile(sorted, 50), p95: percentile(sorted, 95), first }
}

async function main() {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "soko-bench-dev-"))
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: String(basePort),
    SOKO_STOREFRONT_PORT: String(basePort + 1),
    SOKO_PG_PORT: String(basePort + 2),
    SOKO_DARAJA_SIMULATOR_PORT: String(basePort + 3),
    SOKO_PG_DATA: path.join(dataDir, "postgres"),
    MEDUSA_DISABLE_TELEMETRY: "true",
    ...(withStorefront ? {} : { SOKO_SKIP_STOREFRONT: "1" }),
  }
  // A newcomer's machine: the embedded default, whatever this shell has set.
  delete env.DATABASE_URL
  delete env.REDIS_URL
  const backendUrl = `http://localhost:${basePort}`
  const runDir = path.join(root, ".data", "run", String(basePort))

  let current: Child | undefined
  // Ctrl-C as a terminal sends it; the launcher stops what it started within a minute or is killed.
  const stopCurrent = async () => {
    const launcher = current
    current = undefined
    await launcher?.stop({ signal: "SIGINT", graceMs: 60_000 })
  }
  process.once("SIGINT", () => void stopCurrent().finally(() => process.exit(130)))

  try {
    console.log(`[bench:dev] first start (fresh data folder ${dataDir})`)
    const first = await startLauncher(env)
    current = first.launcher
    console.log(`[bench:dev] product list: ${requests} sequential requests`)
    const list = await productListLatencies(backendUrl, runDir)
    await stopCurrent()

    console.log("[bench:dev] second start (same data folder)")
    const second = await startLauncher(env)
    current = second.launcher
    const listAfterRestart = await productListLatencies(backendUrl, runDir)
    await stopCurrent()

    const result = {
      label,
      at: new Date().toISOString(),
      caching: process.env.SOKO_CACHING ?? "(default)",
      storefront: withStorefront,
      requests,
      firstStart: first.start,
      secondStart: second.start,
      productList: list,
      productListAfterRestart: listAfterRestart,
    }
    const out = path.join(root, ".data", "measurements", `dev-start-${result.at.replace(/[:.]/g, "-")}-${label}.json`)
    fs.mkdirSync(path.dirname(out), { recursive: true })
    fs.writeFileSync(out, JSON.stringify(result, null, 2))
    const s = (ms: number) => `${(ms / 1000).toFixed(1)} s`
    const ms = (v: number) => `${v.toFixed(1)} ms`
    console.log(`\n[bench:dev] ${label}`)
    console.log(`  first start to ready   ${s(first.start.readyMs)}`)
    console.log(`  second start to ready  ${s(second.start.readyMs)}`)
    for (const step of second.start.steps) {
      console.log(`    ${step}`)
    }
    console.log(`  product list           p50 ${ms(list.p50)}  p95 ${ms(list.p95)}  first ${ms(list.first)}`)
    console.log(`  after restart          p50 ${ms(listAfterRestart.p50)}  p95 ${ms(listAfterRestart.p95)}  first ${ms(listAfterRestart.first)}`)
    console.log(`  written to ${path.relative(root, out)}`)
  } finally {
    await stopCurrent()
    fs.rmSync(dataDir, { recursive: true, force: true })
  }
}

main().catch((error) => {
  console.error(`[bench:dev] ${(error as Error).message}`)
  process.exit(1)
})
