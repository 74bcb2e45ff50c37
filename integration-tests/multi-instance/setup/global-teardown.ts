/**
 * Stops the cluster (every process, its database and Redis keys) and writes
 * the run's measurements and verdicts to .data/measurements/ (read by the
 * bench). Logs are deleted when every test passed, else kept and named.
 */
import fs from "node:fs"
import os from "node:os"
import path from "node:path"
import { say, type MultiRun } from "../context"
import { exitOnSignal } from "./global-setup"

const root = path.resolve(__dirname, "..", "..", "..")

export default async function globalTeardown() {
  const holder = globalThis as { __SOKO_MULTI__?: MultiRun }
  const run = holder.__SOKO_MULTI__
  if (!run) {
    return
  }
  holder.__SOKO_MULTI__ = undefined
  process.off("SIGINT", exitOnSignal)
  process.off("SIGTERM", exitOnSignal)
  const failed = run.checks.filter((c) => !c.ok)
  const stopStarted = Date.now()
  run.measurements.loadavg_at_end = os.loadavg().map((l) => Math.round(l * 100) / 100)
  await run.cluster.stop({ keep: process.env.SOKO_MULTI_KEEP === "1" && failed.length > 0 })
  say(`cluster stopped in ${((Date.now() - stopStarted) / 1000).toFixed(1)} s`)

  const measurements = { ...run.measurements, total_seconds: Math.round((Date.now() - run.startedAt) / 1000), checks: run.checks }
  const dir = path.join(root, ".data", "measurements")
  fs.mkdirSync(dir, { recursive: true })
  const file = path.join(dir, `multi-instance-${new Date().toISOString().replace(/[:.]/g, "-")}.json`)
  fs.writeFileSync(file, JSON.stringify(measurements, null, 2))
  fs.writeFileSync(path.join(dir, "multi-instance-latest.json"), JSON.stringify(measurements, null, 2))
  say(`measurements written to ${path.relative(root, file)}`)
  if (failed.length) {
    say(`logs kept in ${run.cluster.logDir}`)
  } else {
    fs.rmSync(run.cluster.logDir, { recursive: true, force: true })
  }
}
