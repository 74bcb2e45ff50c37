/** What a run needs before it measures: the production build, the seeded database, the no-hooks app. */
import { execFileSync } from "node:child_process"
import { cpSync, existsSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs"
import path from "node:path"
import { runStep, startProcess } from "../scripts/lib/processes"
import { baseEnv, DB_HOST, DB_NAME, DB_URL, flag, log, MEDUSA_CLI, psql, ROOT, RUN_DB_NAME, WORK } from "./config"
import type { BenchContext } from "./client"

export function gitRev() {
  try {
    return execFileSync("git", ["rev-parse", "--short", "HEAD"], { cwd: ROOT, encoding: "utf8" }).trim()
  } catch {
    return "unknown"
  }
}

export function newestMtime(dir: string): number {
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

export async function ensureBuild() {
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
  await runStep(process.execPath, [MEDUSA_CLI, "build"], {
    cwd: ROOT,
    env: baseEnv(),
    logFile: path.join(WORK, "build.log"),
  })
  log("production build done")
}

export async function ensureDatabase(simUrl: string) {
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
    log(`database ${DB_NAME}: creating and migrating (log: .data/bench/migrate.log)…`)
    psql(`create database ${DB_NAME}`)
    await runStep(process.execPath, [MEDUSA_CLI, "db:migrate"], { cwd: ROOT, env, logFile: path.join(WORK, "migrate.log") })
  }
  if (!exists || !existsSync(seedOut) || flag("reseed")) {
    log("seeding the bench catalog through Medusa's workflows (progress below; log: .data/bench/seed.log)…")
    const seed = startProcess("seed", process.execPath, [MEDUSA_CLI, "exec", "./bench/seed.ts"], {
      cwd: ROOT,
      env,
      logFile: path.join(WORK, "seed.log"),
      onLine: (line) => {
        if (line.includes("[bench seed]")) {
          log(line.trim())
        }
      },
    })
    const code = await seed.exited
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
export function prepareNoHooksApp(): string {
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
  // CommonJS on purpose (no export keyword anywhere): Node would load a file with one as an ES module, where require is undefined.
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
