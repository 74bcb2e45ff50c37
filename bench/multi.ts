/**
 * `npm run bench -- --multi`: the multi-instance run (two servers and one
 * worker over PostgreSQL and Redis, integration-tests/multi-instance) in its
 * full size, as a section of the bench report: its exactly-once checks, the
 * M-Pesa callback → captured latency, the callback burst and the worker kill.
 */
import { spawn } from "node:child_process"
import { existsSync, readFileSync } from "node:fs"
import path from "node:path"

const ROOT = path.resolve(__dirname, "..")
const JEST = path.join(ROOT, "node_modules", "jest", "bin", "jest.js")
const CONFIG = path.join(ROOT, "integration-tests", "multi-instance", "jest.config.js")
const LATEST = path.join(ROOT, ".data", "measurements", "multi-instance-latest.json")

type Stats = { n: number; min: number; median: number; p95: number; max: number }
type Measurements = {
  date: string
  checkouts?: { count: number; concurrency: number; seconds: number; per_second: number }
  callback_to_captured_ms?: { db: Stats }
  c2b_confirmation_to_captured_ms?: { payments: number; seconds: number; db: Stats }
  callback_burst?: { callbacks: number; unique_payments: number; ingestion_callbacks_per_second: number; callbacks_per_second_exactly_once: number }
  worker_kill?: { payments: number; captured_at_kill: number; worker_restart_seconds: number; all_captured_seconds_after_kill: number }
  checks?: { name: string; ok: boolean }[]
  total_seconds?: number
}

export type MultiInstanceResult = { ok: boolean; measurements?: Measurements; markdown: string }

/** Runs the multi-instance check; needs REDIS_URL (defaults to the local Redis) and DB_* like the tests. */
export async function runMultiInstance(log: (m: string) => void): Promise<MultiInstanceResult> {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    REDIS_URL: process.env.REDIS_URL || "redis://127.0.0.1:6379",
    DB_HOST: process.env.DB_HOST === "127.0.0.1" || !process.env.DB_HOST ? "localhost" : process.env.DB_HOST,
    DB_USERNAME: process.env.DB_USERNAME || "postgres",
    DB_PORT: process.env.DB_PORT || "5432",
    SOKO_MULTI_FULL: "1",
  }
  log("multi-instance: 2 servers + 1 worker over PostgreSQL and Redis (full size; a few minutes)")
  const started = Date.now()
  const code = await new Promise<number>((resolve) => {
    const child = spawn(process.execPath, [JEST, "--config", CONFIG, "--runInBand"], { cwd: ROOT, env, stdio: ["ignore", "pipe", "pipe"] })
    const relay = (chunk: Buffer) => {
      for (const line of chunk.toString().split("\n").filter(Boolean)) {
        log(`  ${line}`)
      }
    }
    child.stdout!.on("data", relay)
    child.stderr!.on("data", relay)
    child.once("exit", (c) => resolve(c ?? 1))
  })
  const fresh = existsSync(LATEST) && JSON.parse(readFileSync(LATEST, "utf8")) as Measurements
  const measurements = fresh && new Date(fresh.date).getTime() >= started - 1000 ? fresh : undefined
  return { ok: code === 0, measurements, markdown: multiInstanceMarkdown(code === 0, measurements) }
}

export function multiInstanceMarkdown(ok: boolean, m: Measurements | undefined): string {
  const lines = ["", "## Multi-instance (2 servers + 1 worker, Redis)", ""]
  if (!m) {
    lines.push(`The run ${ok ? "passed" : "FAILED"} but wrote no measurements.`)
    return lines.join("\n")
  }
  const checks = m.checks ?? []
  const failed = checks.filter((c) => !c.ok)
  lines.push(`Checks: ${checks.length - failed.length}/${checks.length} passed${failed.length ? ` — FAILED: ${failed.map((c) => c.name).join("; ")}` : ""}.`, "")
  lines.push("| Measure | Value |", "|---|---|")
  if (m.checkouts) {
    lines.push(`| checkouts through both servers | ${m.checkouts.count} in ${m.checkouts.seconds} s (${m.checkouts.per_second}/s, ${m.checkouts.concurrency} in flight) |`)
  }
  const db = m.callback_to_captured_ms?.db
  if (db) {
    lines.push(`| M-Pesa callback → captured, ms (n=${db.n}) | median ${db.median}, p95 ${db.p95} (min ${db.min}, max ${db.max}) |`)
  }
  const c2b = m.c2b_confirmation_to_captured_ms?.db
  if (c2b) {
    lines.push(`| paybill confirmation → captured, ms (n=${c2b.n}; Transaction Status asked first) | median ${c2b.median}, p95 ${c2b.p95} (min ${c2b.min}, max ${c2b.max}) |`)
  }
  if (m.callback_burst) {
    const b = m.callback_burst
    lines.push(`| callback burst (${b.callbacks} callbacks for ${b.unique_payments} payments) | ingested ${b.ingestion_callbacks_per_second}/s; ${b.callbacks_per_second_exactly_once} callbacks/s settled with exactly-once capture |`)
  }
  if (m.worker_kill) {
    const k = m.worker_kill
    lines.push(`| worker SIGKILLed mid-run | ${k.captured_at_kill}/${k.payments} captured at the kill; restarted in ${k.worker_restart_seconds} s; all captured ${k.all_captured_seconds_after_kill} s after the kill |`)
  }
  return lines.join("\n")
}
