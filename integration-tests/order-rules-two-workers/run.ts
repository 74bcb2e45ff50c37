/**
 * Two worker processes run the unpaid-order timer at the same moment against one
 * database and one Redis. Expected: one run claims the timer and cancels every
 * due order once; the other stands down.
 *
 *   REDIS_URL=redis://127.0.0.1:6379 DB_HOST=localhost DB_USERNAME=postgres \
 *     node -r ts-node/register integration-tests/order-rules-two-workers/run.ts
 *
 * It creates a fresh database `soko_order_rules_two_workers`, starts a server on
 * port 9140 (SOKO_TWO_WORKERS_PORT) to place orders through the store API, then
 * starts two `medusa exec` processes. Exits non-zero on failure.
 */
import fs from "node:fs"
import os from "node:os"
import path from "node:path"
import { Client } from "pg"
import { waitForHttp } from "../../scripts/lib/ports"
import { runStep, startProcess, stopAll } from "../../scripts/lib/processes"
import { placeOrder, type Api, type Shop } from "../helpers/order-rules-shop"

const root = path.resolve(__dirname, "..", "..")
const medusaBin = path.join(root, "node_modules", ".bin", "medusa")
const ORDERS = Number(process.env.SOKO_TWO_WORKERS_ORDERS || 8)
const port = process.env.SOKO_TWO_WORKERS_PORT || "9140"
const url = `http://localhost:${port}`
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "order-rules-two-workers-"))

function log(message: string) {
  console.log(`[two workers] ${message}`)
}

function dbUrl() {
  const user = process.env.DB_USERNAME || "postgres"
  const password = process.env.DB_PASSWORD ? `:${encodeURIComponent(process.env.DB_PASSWORD)}` : ""
  return `postgres://${user}${password}@${process.env.DB_HOST || "localhost"}:${process.env.DB_PORT || "5432"}/soko_order_rules_two_workers`
}

async function sql(query: string, database = "postgres") {
  const target = new URL(dbUrl())
  target.pathname = `/${database}`
  const client = new Client({ connectionString: target.toString() })
  await client.connect()
  try {
    return (await client.query(query)).rows
  } finally {
    await client.end()
  }
}

function fetchApi(): Api {
  const call = async (method: string, route: string, body?: unknown, config?: unknown) => {
    const headers = { "content-type": "application/json", ...((config as { headers?: Record<string, string> })?.headers ?? {}) }
    const res = await fetch(`${url}${route}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) })
    const data = await res.json().catch(() => ({}))
    if (!res.ok) {
      throw Object.assign(new Error(`${method} ${route} → ${res.status}: ${JSON.stringify(data)}`), { response: { status: res.status, data } })
    }
    return { status: res.status, data }
  }
  return {
    get: (route, config) => call("GET", route, undefined, config),
    post: (route, body, config) => call("POST", route, body ?? {}, config),
    delete: (route, config) => call("DELETE", route, undefined, config),
  }
}

async function main() {
  if (!process.env.REDIS_URL) {
    throw new Error("set REDIS_URL: several processes share locks only through Redis (or Postgres) locking")
  }
  const env: NodeJS.ProcessEnv = { ...process.env, DATABASE_URL: dbUrl(), MEDUSA_DISABLE_TELEMETRY: "true", PORT: port }
  const name = new URL(dbUrl()).pathname.slice(1)
  await sql(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`)
  await sql(`CREATE DATABASE "${name}"`)
  await runStep(medusaBin, ["db:migrate"], { cwd: root, env, logFile: path.join(tmp, "migrate.log") })
  await runStep(medusaBin, ["exec", "./src/scripts/prepare.ts"], { cwd: root, env, logFile: path.join(tmp, "prepare.log") })
  log(`starting a server on ${url} to place ${ORDERS} orders`)
  const server = startProcess("server", medusaBin, ["start", "--port", port], {
    cwd: root,
    // "shared": this process also runs the subscribers that give each placed order its first status.
    // `start` defaults to production, which needs real secrets; development mode is enough here.
    env: { ...env, NODE_ENV: "development", MEDUSA_WORKER_MODE: "shared", DISABLE_ADMIN: "true" },
    logFile: path.join(tmp, "server.log"),
  })
  try {
    await waitForHttp(`${url}/health`, { timeoutMs: 180_000, child: server })
    const api = fetchApi()
    const { data: auth } = await api.post("/auth/user/emailpass", { email: "admin@example.com", password: "supersecret" })
    const admin = { headers: { authorization: `Bearer ${auth.token}` } }
    const { data: keys } = await api.get("/admin/api-keys?type=publishable&fields=token,title", admin)
    const store = { headers: { "x-publishable-api-key": keys.api_keys.find((k: { title: string }) => k.title === "Soko Storefront").token } }
    const { data: regions } = await api.get("/store/regions", store)
    const regionId = regions.regions.find((r: { currency_code: string }) => r.currency_code === "kes").id
    const { data: products } = await api.get(`/store/products?region_id=${regionId}&limit=3`, store)
    const shop: Shop = { store, admin, publishableKey: "", regionId, variantIds: products.products.map((p: { variants: { id: string }[] }) => p.variants[0].id) }
    const orders = []
    for (let i = 0; i < ORDERS; i++) {
      orders.push(await placeOrder(api, shop, { email: `two-workers-${i}@example.com` }))
    }
    log(`placed ${orders.length} orders`)
    // Let placement subscribers record the first status.
    await new Promise((r) => setTimeout(r, 3000))

    const now = new Date(Date.now() + 61 * 60 * 1000).toISOString()
    const goAt = Date.now() + 45_000
    log(`starting two worker processes; both run the timer at ${new Date(goAt).toISOString()} with now=${now}`)
    const workers = [1, 2].map((n) => {
      const out = path.join(tmp, `worker-${n}.json`)
      const child = startProcess(`worker ${n}`, medusaBin, ["exec", "./integration-tests/order-rules-two-workers/worker.ts"], {
        cwd: root,
        env: { ...env, MEDUSA_WORKER_MODE: "worker", SOKO_TWO_WORKERS_GO_AT: String(goAt), SOKO_TWO_WORKERS_NOW: now, SOKO_TWO_WORKERS_OUT: out },
        logFile: path.join(tmp, `worker-${n}.log`),
      })
      return child.exited.then((code) => {
        if (code !== 0 || !fs.existsSync(out)) {
          throw new Error(`worker ${n} exited ${code} (log: ${tmp}/worker-${n}.log)`)
        }
        return JSON.parse(fs.readFileSync(out, "utf8")) as {
          pid: number
          startedAt: number
          finishedAt: number
          result: { run_id: string | null; changed: unknown[]; skipped_run: string | null }
        }
      })
    })
    const results = await Promise.all(workers)
    for (const r of results) {
      log(`worker pid ${r.pid}: started ${r.startedAt - goAt} ms after the mark, took ${r.finishedAt - r.startedAt} ms, run_id=${r.result.run_id}, changed=${r.result.changed.length}, skipped_run=${r.result.skipped_run}`)
    }
    const ran = results.filter((r) => r.result.run_id !== null)
    const changed = ran.reduce((n, r) => n + r.result.changed.length, 0)
    const rows = await sql(
      `SELECT order_id, count(*)::int AS n FROM order_status_change WHERE source = 'timer:cancel-unpaid' GROUP BY order_id`,
      name
    )
    const runs = await sql(`SELECT count(*)::int AS n FROM order_timer_run WHERE timer = 'cancel-unpaid' AND changed_count > 0`, name)
    const cancelled = await sql(`SELECT count(*)::int AS n FROM "order" WHERE status = 'canceled'`, name)
    log(`history: ${rows.length} orders with a timer entry, max ${Math.max(...rows.map((r) => r.n))} entry per order; timer runs with changes: ${runs[0].n}; orders canceled in Medusa: ${cancelled[0].n}`)
    const overlapped = results[0].startedAt < results[1].finishedAt && results[1].startedAt < results[0].finishedAt
    if (changed !== ORDERS || rows.length !== ORDERS || rows.some((r) => r.n !== 1) || cancelled[0].n !== ORDERS) {
      throw new Error("each due order must be cancelled exactly once")
    }
    if (overlapped && ran.length !== 1) {
      throw new Error("two overlapping runs both claimed the timer")
    }
    log(overlapped ? "PASS: the runs overlapped; one claimed the timer, the other stood down" : "PASS (the runs did not overlap this time; each order was still cancelled once)")
  } finally {
    await stopAll()
  }
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(`[two workers] FAIL: ${error instanceof Error ? error.message : String(error)}`)
    process.exit(1)
  }
)
