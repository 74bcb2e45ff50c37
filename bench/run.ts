/**
 * `npm run bench`: seeds a larger catalog once, then runs the same scenarios
 * against three configurations in one run on the same database (their
 * servers side by side, measured rounds alternating between them):
 *
 *   vanilla   Medusa 2.21.2 defaults (bench/vanilla/medusa-config.js), no Soko
 *             plugins, no Redis, NODE_ENV=production
 *   no-hooks  Soko's production build and profile, its plugins registered from
 *             copies without the parts that hook into Medusa's own flows
 *             (subscribers to Medusa events, scheduled jobs, middlewares on
 *             Medusa routes)
 *   soko      Soko's production build and profile as shipped
 *
 * The load is the same for all three but for one thing Soko ships: its
 * storefront asks cart and payment mutations for `fields=id` and renders the
 * cart from one GET, so the load does that against no-hooks and soko; against
 * vanilla it takes Medusa's default responses.
 *
 * Load comes from a second process (bench/load.ts) on loopback. SQL
 * statements, CPU time and RSS come from the servers' own processes through
 * the bench/count-sql.js preload. Results: bench/results/<stamp>.{json,md}
 * (git-ignored) and a table on stdout.
 *
 * Options: --duration <s> (per round, 3) --rounds <n> (3) --warmup <s> (2)
 *          --configs vanilla,no-hooks,soko --scenarios a,b,... --build
 *          --profile <name>=<env json>  (Soko with extra env, to measure one change;
 *            BENCH_CLUSTER=n starts it with --cluster n, BENCH_NODE_OPTIONS adds
 *            node flags to the server's main process, e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof",
 *            BENCH_FULL_RESPONSES=1 has the load ask for Medusa's default responses as vanilla's does)
 *          --multi  also run the multi-instance check (2 servers + 1 worker over Redis,
 *            bench/multi.ts) and add its section to the report; --only-multi runs just that
 */
import { execFileSync, fork, spawn, type ChildProcess } from "node:child_process"
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs"
import http from "node:http"
import os from "node:os"
import path from "node:path"
import { startDarajaSimulator } from "@soko/daraja-simulator"
import { limitsOutOfReach } from "../src/lib/rate-limits/rules"
import { CHECKOUT_MIN_ROUND_MS, SCENARIOS, type BenchContext, type LoadResult } from "./load"
import { runMultiInstance } from "./multi"

const ROOT = path.resolve(__dirname, "..")
const BENCH = path.join(ROOT, "bench")
const WORK = path.join(ROOT, ".data", "bench")
const RESULTS = path.join(BENCH, "results")
const MEDUSA_CLI = require.resolve("@medusajs/cli/cli.js", { paths: [ROOT] })
const PRELOAD = path.join(BENCH, "count-sql.js")

function arg(name: string, fallback?: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`)
  return i >= 0 ? process.argv[i + 1] : fallback
}
const flag = (name: string) => process.argv.includes(`--${name}`)

const DURATION_MS = Number(arg("duration", "3")) * 1000
const ROUNDS = Number(arg("rounds", "3"))
const WARMUP_MS = Number(arg("warmup", "2")) * 1000
const DB_NAME = process.env.BENCH_DB || "soko_bench_main"
const DB_HOST = process.env.BENCH_DB_HOST || "localhost"
const DB_URL = `postgres://postgres@${DB_HOST}:5432/${DB_NAME}`
/**
 * The servers run on a fresh copy of the seeded database (CREATE DATABASE …
 * TEMPLATE), so the orders a run leaves behind never reach the next run, where
 * Soko's cancel-unpaid timer would cancel them in the background of its rounds.
 */
const RUN_DB_NAME = `${DB_NAME}_run`
const RUN_DB_URL = `postgres://postgres@${DB_HOST}:5432/${RUN_DB_NAME}`
const REDIS_URL = process.env.BENCH_REDIS_URL || "redis://127.0.0.1:6379/2"
const SIM_PORT = 9710
const CALLBACK_SECRET = "bench-callback-secret-0001"

const t0 = Date.now()
const log = (msg: string) => console.log(`[bench ${String(Math.round((Date.now() - t0) / 1000)).padStart(4)} s] ${msg}`)

type ConfigSpec = {
  name: string
  label: string
  cwd: string
  port: number
  env: Record<string, string>
  cluster?: number
  vanilla?: boolean
  /** The load asks mutations for `fields=id` as Soko's storefront does (BenchContext.leanResponses). */
  leanResponses?: boolean
}

// ---------------------------------------------------------------- processes

function run(cmd: string, args: string[], opts: { cwd: string; env: NodeJS.ProcessEnv; logFile: string }) {
  return new Promise<void>((resolve, reject) => {
    const out = require("node:fs").openSync(opts.logFile, "a")
    const child = spawn(cmd, args, { cwd: opts.cwd, env: opts.env, stdio: ["ignore", out, out] })
    child.on("exit", (code) =>
      code === 0 ? resolve() : reject(new Error(`${cmd} ${args.join(" ")} exited ${code}; see ${opts.logFile}`))
    )
  })
}

function psql(sql: string, db = "postgres"): string {
  return execFileSync("psql", ["-h", DB_HOST, "-U", "postgres", "-d", db, "-Atc", sql], { encoding: "utf8" }).trim()
}

function baseEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env }
  for (const k of Object.keys(env)) {
    if (/^(MEDUSA_|SOKO_|MPESA_|REDIS_URL|DATABASE_URL|NODE_OPTIONS|PORT$|NODE_ENV)/.test(k)) {
      delete env[k]
    }
  }
  env.MEDUSA_DISABLE_TELEMETRY = "true"
  return env
}

function sokoEnv(port: number, prefix: string): Record<string, string> {
  return {
    NODE_ENV: "production",
    DATABASE_URL: RUN_DB_URL,
    REDIS_URL,
    SOKO_REDIS_PREFIX: prefix,
    JWT_SECRET: "bench-jwt-secret-0123456789",
    COOKIE_SECRET: "bench-cookie-secret-0123456789",
    MEDUSA_BACKEND_URL: `http://localhost:${port}`,
    MPESA_BASE_URL: `http://127.0.0.1:${SIM_PORT}`,
    MPESA_CALLBACK_URL: `http://localhost:${port}`,
    MPESA_CALLBACK_SECRET: CALLBACK_SECRET,
    MPESA_MAX_PUSHES_PER_PHONE_PER_HOUR: "1000",
    MPESA_MAX_PUSHES_PER_CART_PER_HOUR: "1000",
    MPESA_MAX_PUSHES_PER_CLIENT_PER_HOUR: "1000",
    // The load comes from 127.0.0.1 alone; a shop's per-address limits would measure 429s.
    ...limitsOutOfReach(),
    SOKO_STOREFRONT_PORT: "9799",
  }
}

type Server = { child: ChildProcess; sideDir: string; spec: ConfigSpec }

/** Servers this run started, stopped on Ctrl-C too (each runs in its own process group). */
const running = new Set<ChildProcess>()
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    for (const child of running) {
      try {
        process.kill(-child.pid!, "SIGTERM")
      } catch {
        // already gone
      }
    }
    // Ctrl-C: the servers are stopped above; 130 is the shell's code for SIGINT.
    process.exit(130)
  })
}

async function waitHealth(port: number, child: ChildProcess, logFile: string) {
  const deadline = Date.now() + 240_000
  while (Date.now() < deadline) {
    if (child.exitCode !== null) {
      throw new Error(`server exited ${child.exitCode}; see ${logFile}`)
    }
    const ok = await new Promise<boolean>((resolve) => {
      const req = http.get(`http://127.0.0.1:${port}/health`, (res) => {
        res.resume()
        resolve(res.statusCode === 200)
      })
      req.on("error", () => resolve(false))
      req.setTimeout(2000, () => req.destroy())
    })
    if (ok) {
      return
    }
    await new Promise((r) => setTimeout(r, 500))
  }
  throw new Error(`server on :${port} not healthy after 240 s; see ${logFile}`)
}

async function startServer(spec: ConfigSpec): Promise<Server> {
  const sideDir = path.join(WORK, "side", spec.name)
  rmSync(sideDir, { recursive: true, force: true })
  mkdirSync(sideDir, { recursive: true })
  const logFile = path.join(WORK, `server-${spec.name}.log`)
  writeFileSync(logFile, "")
  const args = [MEDUSA_CLI, "start", "--port", String(spec.port)]
  if (spec.cluster) {
    args.push("--cluster", String(spec.cluster))
  }
  const out = require("node:fs").openSync(logFile, "a")
  // Flags such as --cpu-prof are refused in NODE_OPTIONS: they go on the command line (main process only).
  const nodeFlags = (spec.env.BENCH_NODE_OPTIONS ?? "").split(/\s+/).filter(Boolean)
  const child = spawn(process.execPath, [...nodeFlags, ...args], {
    cwd: spec.cwd,
    env: {
      ...baseEnv(),
      ...spec.env,
      PORT: String(spec.port),
      NODE_OPTIONS: `-r ${PRELOAD}`,
      BENCH_SIDE_DIR: sideDir,
    },
    stdio: ["ignore", out, out],
    detached: true,
  })
  running.add(child)
  child.once("exit", () => running.delete(child))
  await waitHealth(spec.port, child, logFile)
  return { child, sideDir, spec }
}

async function stopServer(server: Server) {
  const { child } = server
  if (child.exitCode !== null) {
    return
  }
  const exited = new Promise((r) => child.once("exit", r))
  try {
    process.kill(-child.pid!, "SIGTERM")
  } catch {
    // already gone
  }
  const timer = setTimeout(() => {
    try {
      process.kill(-child.pid!, "SIGKILL")
    } catch {
      // already gone
    }
  }, 15_000)
  await exited
  clearTimeout(timer)
}

type Side = { pid: number; sql: number; cpuUserUs: number; cpuSystemUs: number; rss: number }

function readSocket(socketPath: string): Promise<Side | undefined> {
  return new Promise((resolve) => {
    const req = http.get({ socketPath, path: "/" }, (res) => {
      let body = ""
      res.on("data", (c) => (body += c))
      res.on("end", () => {
        try {
          resolve(JSON.parse(body))
        } catch {
          resolve(undefined)
        }
      })
    })
    req.on("error", () => resolve(undefined))
    req.setTimeout(5000, () => req.destroy())
  })
}

async function sideSnapshot(server: Server): Promise<Map<number, Side>> {
  const files = readdirSync(server.sideDir).filter((f) => f.endsWith(".sock"))
  const all = await Promise.all(files.map((f) => readSocket(path.join(server.sideDir, f))))
  return new Map(all.filter((s): s is Side => !!s).map((s) => [s.pid, s]))
}

// ---------------------------------------------------------------- load child

class Loader {
  private child?: ChildProcess
  async start() {
    this.child = fork(path.join(BENCH, "load.ts"), [], {
      execArgv: ["-r", "ts-node/register"],
      env: { ...baseEnv(), TS_NODE_TRANSPILE_ONLY: "true" },
      cwd: ROOT,
    })
    await new Promise<void>((resolve) => this.child!.once("message", () => resolve()))
  }
  ask<T>(msg: object): Promise<T> {
    const child = this.child!
    return new Promise((resolve, reject) => {
      child.once("message", (m: { ok: boolean; result?: T; error?: string }) =>
        m.ok ? resolve(m.result as T) : reject(new Error(m.error))
      )
      child.send(msg)
    })
  }
  stop() {
    this.child?.send({ type: "exit" })
  }
}

// ---------------------------------------------------------------- stats

const q = (sorted: number[], p: number) =>
  sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] : NaN
const median = (xs: number[]) => {
  const s = xs.filter((x) => Number.isFinite(x)).sort((a, b) => a - b)
  if (!s.length) {
    return NaN
  }
  const m = Math.floor(s.length / 2)
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2
}

type Round = {
  throughput: number
  p50: number
  p95: number
  p99: number
  sqlPerRequest: number
  sqlPerIteration: number
  cpuMsPerIteration: number
  rssMb: number
  iterations: number
  requests: number
  errors: number
  firstError?: string
}

type Summary = Record<keyof Omit<Round, "firstError">, { median: number; min: number; max: number }> & {
  firstError?: string
}

function summarize(rounds: Round[]): Summary {
  const keys: (keyof Omit<Round, "firstError">)[] = [
    "throughput",
    "p50",
    "p95",
    "p99",
    "sqlPerRequest",
    "sqlPerIteration",
    "cpuMsPerIteration",
    "rssMb",
    "iterations",
    "requests",
    "errors",
  ]
  const out = {} as Summary
  for (const k of keys) {
    const xs = rounds.map((r) => r[k])
    out[k] = { median: median(xs), min: Math.min(...xs), max: Math.max(...xs) }
  }
  out.firstError = rounds.find((r) => r.firstError)?.firstError
  return out
}

// ---------------------------------------------------------------- setup

function gitRev() {
  try {
    return execFileSync("git", ["rev-parse", "--short", "HEAD"], { cwd: ROOT, encoding: "utf8" }).trim()
  } catch {
    return "unknown"
  }
}

function newestMtime(dir: string): number {
  let newest = 0
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      if (e.name === "node_modules" || e.name.startsWith(".") || e.name === "__tests__") {
        continue
      }
      const p = path.join(d, e.name)
      if (e.isDirectory()) {
        walk(p)
      } else {
        newest = Math.max(newest, statSync(p).mtimeMs)
      }
    }
  }
  walk(dir)
  return newest
}

async function ensureBuild() {
  const built = path.join(ROOT, ".medusa", "server", "medusa-config.js")
  const stale =
    !existsSync(built) ||
    Math.max(newestMtime(path.join(ROOT, "src")), statSync(path.join(ROOT, "medusa-config.ts")).mtimeMs) >
      statSync(built).mtimeMs
  if (!stale && !flag("build")) {
    log("production build: .medusa/server is up to date")
    return
  }
  log("production build: medusa build (log: .data/bench/build.log)…")
  await run(process.execPath, [MEDUSA_CLI, "build"], {
    cwd: ROOT,
    env: baseEnv(),
    logFile: path.join(WORK, "build.log"),
  })
  log("production build done")
}

async function ensureDatabase(simUrl: string) {
  const exists = psql(`select 1 from pg_database where datname='${DB_NAME}'`) === "1"
  const seedOut = path.join(WORK, `seed-${DB_NAME}.json`)
  const env = {
    ...baseEnv(),
    DATABASE_URL: DB_URL,
    MPESA_BASE_URL: simUrl,
    BENCH_SEED_OUT: seedOut,
    LOG_LEVEL: "warn",
  }
  if (!exists) {
    log(`database ${DB_NAME}: creating and migrating (log: .data/bench/seed.log)…`)
    psql(`create database ${DB_NAME}`)
    await run(process.execPath, [MEDUSA_CLI, "db:migrate"], { cwd: ROOT, env, logFile: path.join(WORK, "seed.log") })
  }
  if (!exists || !existsSync(seedOut) || flag("reseed")) {
    log("seeding the bench catalog through Medusa's workflows (progress below; log: .data/bench/seed.log)…")
    const child = spawn(process.execPath, [MEDUSA_CLI, "exec", "./bench/seed.ts"], { cwd: ROOT, env })
    const logStream = require("node:fs").createWriteStream(path.join(WORK, "seed.log"), { flags: "a" })
    child.stdout.on("data", (d: Buffer) => {
      logStream.write(d)
      for (const line of d.toString().split("\n")) {
        if (line.includes("[bench seed]")) {
          log(line.trim())
        }
      }
    })
    child.stderr.pipe(logStream)
    const code = await new Promise((r) => child.on("exit", r))
    if (code !== 0) {
      throw new Error(`seed failed (${code}); see .data/bench/seed.log`)
    }
  } else {
    log(`database ${DB_NAME}: already seeded (--reseed to top up)`)
  }
  const leftover = Number(psql(`select count(*) from "order"`, DB_NAME))
  if (leftover > 0) {
    log(`warning: ${DB_NAME} holds ${leftover} orders (runs before copies were used); for a clean start: dropdb -h ${DB_HOST} -U postgres ${DB_NAME}`)
  }
  psql(`drop database if exists ${RUN_DB_NAME}`)
  psql(`create database ${RUN_DB_NAME} template ${DB_NAME}`)
  log(`database ${RUN_DB_NAME}: a fresh copy of ${DB_NAME} for this run`)
  return JSON.parse(readFileSync(seedOut, "utf8")) as {
    publishableKey: string
    kenyaRegionId: string
    admin: { email: string; password: string }
    productCount: number
    variantCount: number
    products: BenchContext["products"]
  }
}

/**
 * Soko with its plugins registered from copies that keep modules, providers,
 * links, workflows and the plugins' own routes, and drop what hooks into
 * Medusa's flows: subscribers to Medusa's events (a plugin's subscribers to its
 * own events, e.g. mpesa.stk_callback_received, stay: they are the plugin's
 * feature, not a hook), scheduled jobs, and middlewares on Medusa's routes.
 */
function prepareNoHooksApp(): string {
  const app = path.join(WORK, "soko-no-hooks")
  rmSync(app, { recursive: true, force: true })
  cpSync(path.join(ROOT, ".medusa", "server"), app, {
    recursive: true,
    filter: (src) => !src.includes(`${path.sep}public${path.sep}admin`),
  })
  const replaced: Record<string, string> = {}
  const removed: string[] = []
  for (const dir of readdirSync(path.join(ROOT, "plugins"))) {
    const from = path.join(ROOT, "plugins", dir)
    const pkg = JSON.parse(readFileSync(path.join(from, "package.json"), "utf8"))
    const to = path.join(WORK, "hookless", dir)
    rmSync(to, { recursive: true, force: true })
    cpSync(path.join(from, ".medusa", "server"), path.join(to, ".medusa", "server"), { recursive: true })
    writeFileSync(path.join(to, "package.json"), JSON.stringify(pkg, null, 2))
    const src = path.join(to, ".medusa", "server", "src")
    const own = (event: string) => !/^(order|cart|payment|customer|product|fulfillment|shipment|delivery|auth|user|region|inventory)[.-]/.test(event)
    const subs = path.join(src, "subscribers")
    if (existsSync(subs)) {
      for (const f of readdirSync(subs).filter((f) => f.endsWith(".js"))) {
        const mod = require(path.join(subs, f))
        const events = ([] as string[]).concat(mod.config?.event ?? [])
        if (!events.every(own)) {
          rmSync(path.join(subs, f))
          removed.push(`${dir}/subscribers/${f} (${events.slice(0, 3).join(", ")}${events.length > 3 ? ", …" : ""})`)
        }
      }
    }
    if (existsSync(path.join(src, "jobs"))) {
      rmSync(path.join(src, "jobs"), { recursive: true })
      removed.push(`${dir}/jobs/*`)
    }
    const mw = path.join(src, "api", "middlewares.js")
    if (existsSync(mw)) {
      // Keep the plugin's middlewares on its own routes; drop those on Medusa's routes.
      const pluginRoutes = new Set<string>()
      const apiDir = path.join(src, "api")
      const walk = (d: string, rel: string) => {
        for (const e of readdirSync(d, { withFileTypes: true })) {
          if (e.isDirectory()) {
            walk(path.join(d, e.name), `${rel}/${e.name}`)
          } else if (e.name === "route.js") {
            pluginRoutes.add(rel.replace(/\[(\w+)\]/g, ":$1"))
          }
        }
      }
      walk(apiDir, "")
      const ownRoute = (matcher: string) =>
        [...pluginRoutes].some((r) => matcher === r || matcher.replace(/\/\*$/, "") === r.slice(0, matcher.replace(/\/\*$/, "").length))
      cpSync(mw, path.join(src, "api", "bench-original-middlewares.js"))
      const cfg = require(mw).default as { routes?: { matcher: string | RegExp }[] }
      for (const r of cfg.routes ?? []) {
        if (!ownRoute(String(r.matcher))) {
          removed.push(`${dir} middleware on ${String(r.matcher)}`)
        }
      }
      writeFileSync(
        mw,
        `"use strict"
// Written by bench/run.ts: the plugin's middlewares minus those on Medusa's own routes.
const original = require("./bench-original-middlewares.js").default
const own = ${JSON.stringify([...pluginRoutes])}
const ownRoute = (m) => own.some((r) => m === r || r.slice(0, String(m).replace(/\\/\\*$/, "").length) === String(m).replace(/\\/\\*$/, ""))
exports.default = { ...original, routes: (original.routes || []).filter((r) => ownRoute(String(r.matcher))) }
`
      )
    }
    replaced[pkg.name] = to
  }
  const config = path.join(app, "medusa-config.js")
  cpSync(config, path.join(app, "medusa-config.soko.js"))
  writeFileSync(
    config,
    `"use strict"
// Written by bench/run.ts: Soko's production config, plugins from their hookless copies.
const config = require("./medusa-config.soko.js")
const replaced = ${JSON.stringify(replaced)}
config.plugins = (config.plugins || []).map((p) =>
  typeof p === "string" ? replaced[p] || p : { ...p, resolve: replaced[p.resolve] || p.resolve }
)
config.admin = { ...(config.admin || {}), disable: true }
module.exports = config
`
  )
  writeFileSync(path.join(WORK, "no-hooks-removed.txt"), removed.join("\n") + "\n")
  log(`no-hooks app: removed ${removed.length} hook(s): ${removed.join("; ")}`)
  return app
}

// ---------------------------------------------------------------- main

type ConfigResult = { name: string; label: string; scenarios: Record<string, Summary & { rounds: Round[] }> }

async function measure(server: Server, loader: Loader, ctx: BenchContext, name: string, durationMs: number): Promise<Round> {
  const scenario = SCENARIOS[name]
  const before = await sideSnapshot(server)
  const res = await loader.ask<LoadResult>({
    type: "run",
    req: { scenario: name, ctx, durationMs, connections: scenario.connections },
  })
  const after = await sideSnapshot(server)
  let sql = 0
  let cpuUs = 0
  let rss = 0
  for (const [pid, a] of after) {
    const b = before.get(pid) ?? { sql: 0, cpuUserUs: 0, cpuSystemUs: 0 }
    sql += a.sql - b.sql
    cpuUs += a.cpuUserUs + a.cpuSystemUs - b.cpuUserUs - b.cpuSystemUs
    rss += a.rss
  }
  const lat = [...res.latenciesMs].sort((x, y) => x - y)
  const its = Math.max(res.iterations, 1)
  return {
    throughput: (res.iterations / res.elapsedMs) * 1000,
    p50: q(lat, 50),
    p95: q(lat, 95),
    p99: q(lat, 99),
    sqlPerRequest: sql / Math.max(res.requests, 1),
    sqlPerIteration: sql / its,
    cpuMsPerIteration: cpuUs / 1000 / its,
    rssMb: rss / 1024 / 1024,
    iterations: res.iterations,
    requests: res.requests,
    errors: res.errors,
    firstError: res.firstError,
  }
}

/**
 * All configurations' servers run side by side (each idle while another is
 * measured); for every scenario each gets a warm-up, then the measured rounds
 * alternate between configurations, so a change in the machine's load (it is
 * shared) hits all of them alike.
 */
async function benchAll(
  specs: ConfigSpec[],
  loader: Loader,
  base: BenchContext,
  admin: { email: string; password: string },
  scenarios: string[]
): Promise<ConfigResult[]> {
  const servers: Server[] = []
  try {
    for (const spec of specs) {
      log(`── ${spec.name}: starting (${spec.label})`)
      const started = Date.now()
      servers.push(await startServer(spec))
      log(`${spec.name}: healthy in ${((Date.now() - started) / 1000).toFixed(1)} s`)
    }
    const ctxs: BenchContext[] = []
    for (const server of servers) {
      const ctx: BenchContext = {
        ...base,
        baseUrl: `http://127.0.0.1:${server.spec.port}`,
        leanResponses: !!server.spec.leanResponses,
      }
      Object.assign(ctx, await loader.ask<Partial<BenchContext>>({ type: "prepare", ctx, admin }))
      ctxs.push(ctx)
    }
    const results: ConfigResult[] = specs.map((spec) => ({ name: spec.name, label: spec.label, scenarios: {} }))
    for (const name of scenarios) {
      const scenario = SCENARIOS[name]
      const active = servers.map((_, i) => i).filter((i) => !(specs[i].vanilla && !scenario.vanilla))
      log(`${name}: ${scenario.label}; warm-up ${WARMUP_MS / 1000} s, ${ROUNDS} × ${Math.max(DURATION_MS, scenario.minRoundMs ?? 0) / 1000} s each on ${active.map((i) => specs[i].name).join(", ")}`)
      for (const i of active) {
        await loader.ask<number>({
          type: "prime",
          req: { scenario: name, ctx: ctxs[i], durationMs: 0, connections: scenario.connections },
        })
        await measure(servers[i], loader, ctxs[i], name, WARMUP_MS)
      }
      const rounds: Round[][] = servers.map(() => [])
      for (let r = 0; r < ROUNDS; r++) {
        for (const i of active) {
          rounds[i].push(await measure(servers[i], loader, ctxs[i], name, Math.max(DURATION_MS, scenario.minRoundMs ?? 0)))
        }
      }
      for (const i of active) {
        const s = summarize(rounds[i])
        results[i].scenarios[name] = { ...s, rounds: rounds[i] }
        log(
          `  ${specs[i].name.padEnd(9)} ${s.throughput.median.toFixed(2).padStart(7)} it/s  p50 ${s.p50.median.toFixed(0)} ms  p95 ${s.p95.median.toFixed(0)} ms  ` +
            `SQL/req ${s.sqlPerRequest.median.toFixed(1)}  CPU ${s.cpuMsPerIteration.median.toFixed(1)} ms/it  RSS ${s.rssMb.median.toFixed(0)} MB` +
            (s.errors.max ? `  errors ${s.errors.max} (${s.firstError})` : "")
        )
      }
    }
    return results
  } finally {
    await Promise.all(servers.map(stopServer))
  }
}

const fmt = (x: number, d = 1) => (Number.isFinite(x) ? x.toFixed(d) : "–")
const range = (m: { median: number; min: number; max: number }, d = 1) =>
  Number.isFinite(m.median) ? `${fmt(m.median, d)} (${fmt(m.min, d)}–${fmt(m.max, d)})` : "–"

function markdown(results: ConfigResult[], meta: Record<string, unknown>, scenarios: string[]): string {
  const by = (name: string) => results.find((r) => r.name === name)
  const lines: string[] = []
  lines.push(`Run ${meta.date} on ${meta.host} (${meta.cpus} cores), commit ${meta.commit}, load average before ${meta.loadBefore}, after ${meta.loadAfter}.`)
  lines.push(
    `Catalog: ${meta.products} products, ${meta.variants} variants. ${meta.rounds} rounds × ${meta.durationS} s per scenario (checkouts ${Math.max(Number(meta.durationS), CHECKOUT_MIN_ROUND_MS / 1000)} s) after a ${meta.warmupS}-s warm-up; medians with min–max.`
  )
  lines.push("")
  lines.push("| Scenario | Config | it/s | p50 ms | p95 ms | p99 ms | SQL/req | SQL/it | CPU ms/it | RSS MB | errors |")
  lines.push("|---|---|---|---|---|---|---|---|---|---|---|")
  for (const s of scenarios) {
    for (const r of results) {
      const x = r.scenarios[s]
      if (!x) {
        continue
      }
      lines.push(
        `| ${s} | ${r.name} | ${range(x.throughput)} | ${fmt(x.p50.median, 0)} | ${fmt(x.p95.median, 0)} | ${fmt(x.p99.median, 0)} | ${fmt(x.sqlPerRequest.median)} | ${fmt(x.sqlPerIteration.median, 0)} | ${fmt(x.cpuMsPerIteration.median)} | ${fmt(x.rssMb.median, 0)} | ${x.errors.max} |`
      )
    }
  }
  const soko = by("soko")
  const pairs: [string, ConfigResult | undefined][] = [
    ["no-hooks", by("no-hooks")],
    ["vanilla", by("vanilla")],
    ...results.filter((r) => !["soko", "no-hooks", "vanilla"].includes(r.name)).map((r) => [r.name, r] as [string, ConfigResult]),
  ]
  if (soko) {
    lines.push("")
    lines.push("Ratios (Soko ÷ other; throughput > 1 and p95 < 1 favour Soko):")
    lines.push("")
    lines.push("| Scenario | " + pairs.filter(([, r]) => r).map(([n]) => `it/s ÷ ${n} | p95 ÷ ${n} | CPU/it ÷ ${n} | SQL/it − ${n}`).join(" | ") + " |")
    lines.push("|---|" + pairs.filter(([, r]) => r).map(() => "---|---|---|---|").join(""))
    for (const s of scenarios) {
      const a = soko.scenarios[s]
      if (!a) {
        continue
      }
      const cells = pairs
        .filter(([, r]) => r)
        .map(([, r]) => {
          const b = r!.scenarios[s]
          if (!b) {
            return "– | – | – | –"
          }
          return `${fmt(a.throughput.median / b.throughput.median, 2)} | ${fmt(a.p95.median / b.p95.median, 2)} | ${fmt(a.cpuMsPerIteration.median / b.cpuMsPerIteration.median, 2)} | ${fmt(a.sqlPerIteration.median - b.sqlPerIteration.median, 1)}`
        })
      lines.push(`| ${s} | ${cells.join(" | ")} |`)
    }
    const sys = soko.scenarios["checkout-system"]
    const mp = soko.scenarios["checkout-mpesa"]
    if (sys && mp) {
      lines.push("")
      lines.push(
        `M-Pesa checkout (until paid) ÷ system-provider checkout, Soko: p50 ${fmt(mp.p50.median / sys.p50.median, 2)}, throughput ${fmt(mp.throughput.median / sys.throughput.median, 2)}.`
      )
    }
  }
  return lines.join("\n") + "\n"
}

async function main() {
  mkdirSync(WORK, { recursive: true })
  mkdirSync(RESULTS, { recursive: true })
  if (flag("only-multi")) {
    const multi = await runMultiInstance(log)
    const stamp = new Date().toISOString().replace(/[:.]/g, "-")
    writeFileSync(path.join(RESULTS, `${stamp}-multi.md`), multi.markdown + "\n")
    console.log(multi.markdown)
    process.exitCode = multi.ok ? 0 : 1
    return
  }
  const loadBefore = os.loadavg().map((x) => x.toFixed(2)).join(", ")
  log(`load average ${loadBefore} on ${os.cpus().length} cores`)
  const scenarios = (arg("scenarios") ?? Object.keys(SCENARIOS).join(",")).split(",")
  for (const s of scenarios) {
    if (!SCENARIOS[s]) {
      throw new Error(`unknown scenario ${s}; known: ${Object.keys(SCENARIOS).join(", ")}`)
    }
  }
  const sim = await startDarajaSimulator({
    port: SIM_PORT,
    callbackDelayMs: 0,
    autoApprove: true,
    ruleLimitWindowMs: 0,
  })
  const loader = new Loader()
  try {
    const seed = await ensureDatabase(`http://127.0.0.1:${SIM_PORT}`)
    log(`catalog: ${seed.productCount} products, ${seed.variantCount} variants`)
    await ensureBuild()
    const stamp = new Date().toISOString().replace(/[:.]/g, "-")
    const prefix = `soko-bench-${stamp}`
    const configs: ConfigSpec[] = [
      {
        name: "vanilla",
        label: "Medusa 2.21.2 defaults, no Soko plugins, no Redis",
        cwd: path.join(BENCH, "vanilla"),
        port: 9720,
        vanilla: true,
        env: {
          NODE_ENV: "production",
          DATABASE_URL: RUN_DB_URL,
          JWT_SECRET: "bench-jwt-secret-0123456789",
          COOKIE_SECRET: "bench-cookie-secret-0123456789",
        },
      },
      {
        name: "no-hooks",
        label: "Soko production profile, plugins without their hooks",
        cwd: "",
        port: 9730,
        leanResponses: true,
        env: sokoEnv(9730, `${prefix}-nh`),
      },
      {
        name: "soko",
        label: "Soko production profile as shipped",
        cwd: path.join(ROOT, ".medusa", "server"),
        port: 9740,
        leanResponses: true,
        env: { ...sokoEnv(9740, `${prefix}-s`), DISABLE_ADMIN: "true" },
      },
    ]
    // --profile name='{"ENV":"value"}' adds a variant of "soko" with extra env (one change at a time).
    for (let i = 0; i < process.argv.length; i++) {
      if (process.argv[i] === "--profile") {
        const [name, json] = process.argv[i + 1].split(/=(.*)/s)
        const extra = JSON.parse(json) as Record<string, string>
        const cluster = extra.BENCH_CLUSTER ? Number(extra.BENCH_CLUSTER) : undefined
        const leanResponses = extra.BENCH_FULL_RESPONSES !== "1"
        delete extra.BENCH_CLUSTER
        delete extra.BENCH_FULL_RESPONSES
        configs.push({
          name,
          label: `soko + ${JSON.stringify(extra)}${cluster ? ` --cluster ${cluster}` : ""}${leanResponses ? "" : ", full responses"}`,
          cwd: path.join(ROOT, ".medusa", "server"),
          port: 9750 + configs.length,
          cluster,
          leanResponses,
          env: { ...sokoEnv(9750 + configs.length, `${prefix}-${name}`), DISABLE_ADMIN: "true", ...extra },
        })
      }
    }
    const wanted = (arg("configs") ?? configs.map((c) => c.name).join(",")).split(",")
    const chosen = configs.filter((c) => wanted.includes(c.name))
    if (chosen.some((c) => c.name === "no-hooks")) {
      chosen.find((c) => c.name === "no-hooks")!.cwd = prepareNoHooksApp()
    }
    await loader.start()
    const base: BenchContext = {
      baseUrl: "",
      publishableKey: seed.publishableKey,
      regionId: seed.kenyaRegionId,
      callbackSecret: CALLBACK_SECRET,
      products: seed.products,
    }
    const results = await benchAll(chosen, loader, base, seed.admin, scenarios)
    const loadAfter = os.loadavg().map((x) => x.toFixed(2)).join(", ")
    const meta = {
      date: new Date().toISOString(),
      host: os.hostname(),
      cpus: os.cpus().length,
      commit: gitRev(),
      loadBefore,
      loadAfter,
      products: seed.productCount,
      variants: seed.variantCount,
      rounds: ROUNDS,
      durationS: DURATION_MS / 1000,
      warmupS: WARMUP_MS / 1000,
      totalS: Math.round((Date.now() - t0) / 1000),
      configs: chosen.map((c) => ({ name: c.name, label: c.label, cluster: c.cluster ?? null, env: { ...c.env, DATABASE_URL: undefined } })),
    }
    let md = markdown(results, meta, scenarios)
    let multi: Awaited<ReturnType<typeof runMultiInstance>> | undefined
    if (flag("multi")) {
      // The bench's own servers are still up but idle; the cluster uses its own ports and database.
      multi = await runMultiInstance(log)
      md += "\n" + multi.markdown + "\n"
      if (!multi.ok) {
        process.exitCode = 1
      }
    }
    writeFileSync(path.join(RESULTS, `${stamp}.json`), JSON.stringify({ meta, results, multiInstance: multi?.measurements ?? null }, null, 2))
    writeFileSync(path.join(RESULTS, `${stamp}.md`), md)
    writeFileSync(path.join(RESULTS, "latest.md"), md)
    console.log("\n" + md)
    log(`done in ${meta.totalS} s; results in bench/results/${stamp}.{json,md}`)
  } finally {
    loader.stop()
    await sim.stop()
  }
}

main().catch((e) => {
  console.error(e)
  // A bench that could not finish must not look like a finished one.
  process.exit(1)
})
