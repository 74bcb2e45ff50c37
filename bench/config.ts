/** The bench's settings: command-line options, ports, databases and the servers' environments. */
import { execFileSync } from "node:child_process"
import path from "node:path"
import { limitsOutOfReach } from "../src/lib/rate-limits/rules"

export const ROOT = path.resolve(__dirname, "..")
export const BENCH = path.join(ROOT, "bench")
export const WORK = path.join(ROOT, ".data", "bench")
export const RESULTS = path.join(BENCH, "results")
export const MEDUSA_CLI = require.resolve("@medusajs/cli/cli.js", { paths: [ROOT] })
export const PRELOAD = path.join(BENCH, "count-sql.js")

export function arg(name: string, fallback?: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`)
  return i >= 0 ? process.argv[i + 1] : fallback
}
export const flag = (name: string) => process.argv.includes(`--${name}`)

export const DURATION_MS = Number(arg("duration", "3")) * 1000
export const ROUNDS = Number(arg("rounds", "3"))
/**
 * Shortest measured round of the checkouts: at 4 connections a checkout takes seconds, and 12-s
 * rounds held 8–16 of them, so the same server's ratio moved by up to a third between runs; 30-s
 * rounds hold 25–30.
 */
export const CHECKOUT_MIN_ROUND_MS = 30_000
export const WARMUP_MS = Number(arg("warmup", "2")) * 1000
export const DB_NAME = process.env.BENCH_DB || "soko_bench_main"
export const DB_HOST = process.env.BENCH_DB_HOST || "localhost"
export const DB_URL = `postgres://postgres@${DB_HOST}:5432/${DB_NAME}`
/**
 * The servers run on a fresh copy of the seeded database (CREATE DATABASE …
 * TEMPLATE), so the orders a run leaves behind never reach the next run, where
 * Soko's cancel-unpaid timer would cancel them in the background of its rounds.
 */
export const RUN_DB_NAME = `${DB_NAME}_run`
export const RUN_DB_URL = `postgres://postgres@${DB_HOST}:5432/${RUN_DB_NAME}`
export const REDIS_URL = process.env.BENCH_REDIS_URL || "redis://127.0.0.1:6379/2"
export const SIM_PORT = 9710
export const CALLBACK_SECRET = "bench-callback-secret-0001"

export const t0 = Date.now()
export const log = (msg: string) => console.log(`[bench ${String(Math.round((Date.now() - t0) / 1000)).padStart(4)} s] ${msg}`)

export type ConfigSpec = {
  name: string
  label: string
  cwd: string
  port: number
  env: Record<string, string>
  cluster?: number
  /** More arguments for `medusa start`, e.g. ["--servers", "1", "--workers", "1"] with cluster 2. */
  startArgs?: string[]
  /**
   * Two processes instead of one: MEDUSA_WORKER_MODE=server on `port` and a
   * MEDUSA_WORKER_MODE=worker on `port + 100` (subscribers, jobs), as the
   * production profile deploys them. Medusa's own `--cluster 2 --servers 1
   * --workers 1` cannot: its worker listens on the shared port too and answers
   * every request it is handed with 404 (2.21.2).
   */
  split?: boolean
  /** CPUs the server processes are pinned to (`taskset -c`, Linux), e.g. "0" or "0,1". */
  cpus?: string
  vanilla?: boolean
  /** The load asks mutations for `fields=id` as Soko's storefront does (BenchContext.leanResponses). */
  leanResponses?: boolean
}

const vanillaEnv = (): Record<string, string> => ({
  NODE_ENV: "production",
  DATABASE_URL: RUN_DB_URL,
  JWT_SECRET: "bench-jwt-secret-0123456789",
  COOKIE_SECRET: "bench-cookie-secret-0123456789",
})

/** Medusa 2.21.2 with its defaults (bench/vanilla): no Soko plugins, no Redis. */
export function vanillaConfig(port = 9720): ConfigSpec {
  return {
    name: "vanilla",
    label: "Medusa 2.21.2 defaults, no Soko plugins, no Redis",
    cwd: path.join(BENCH, "vanilla"),
    port,
    vanilla: true,
    env: vanillaEnv(),
  }
}

/** Medusa 2.21.2 as a tuned shop runs it (bench/vanilla-tuned): Soko's Redis modules and Medusa's caching module, no Soko plugins. */
export function vanillaTunedConfig(prefix: string, port = 9725): ConfigSpec {
  return {
    name: "vanilla-tuned",
    label: "Medusa 2.21.2 tuned: Soko's Redis modules and Medusa's caching module, no Soko plugins",
    cwd: path.join(BENCH, "vanilla-tuned"),
    port,
    vanilla: true,
    // The same calls as Soko's load (fields=id on mutations): only the server differs.
    leanResponses: true,
    env: { ...vanillaEnv(), REDIS_URL, SOKO_REDIS_PREFIX: prefix },
  }
}

/** Soko's production build and profile as shipped (the admin left out: the load never asks for it). */
export function sokoConfig(prefix: string, port = 9740): ConfigSpec {
  return {
    name: "soko",
    label: "Soko production profile as shipped",
    cwd: path.join(ROOT, ".medusa", "server"),
    port,
    leanResponses: true,
    env: { ...sokoEnv(port, prefix), DISABLE_ADMIN: "true" },
  }
}

/** What a `--profile` variant starts from (its BENCH_BASE): Soko as shipped, or the tuned Medusa, to measure one of its parts. */
export function variantBase(base: string, port: number, prefix: string): ConfigSpec {
  if (base === "soko") {
    return sokoConfig(prefix, port)
  }
  if (base === "vanilla-tuned") {
    return vanillaTunedConfig(prefix, port)
  }
  throw new Error(`--profile: BENCH_BASE must be "soko" or "vanilla-tuned", not "${base}"`)
}

export function psql(sql: string, db = "postgres"): string {
  return execFileSync("psql", ["-h", DB_HOST, "-U", "postgres", "-d", db, "-Atc", sql], { encoding: "utf8" }).trim()
}

export function baseEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env }
  for (const k of Object.keys(env)) {
    if (/^(MEDUSA_|SOKO_|MPESA_|REDIS_URL|DATABASE_URL|NODE_OPTIONS|PORT$|NODE_ENV)/.test(k)) {
      delete env[k]
    }
  }
  env.MEDUSA_DISABLE_TELEMETRY = "true"
  return env
}

export function sokoEnv(port: number, prefix: string): Record<string, string> {
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
