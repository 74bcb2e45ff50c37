/**
 * Boots the cluster the multi-instance specs share (2 servers + 1 worker over
 * PostgreSQL and Redis, ../cluster.ts) and opens the shop on it. The run
 * object goes on this process's global, where ./environment.js hands it to
 * each spec: the config runs them in band, in this process.
 */
import os from "node:os"
import { startCluster } from "../cluster"
import { C2B_SHORTCODE, FULL, num, say, SKIP_REASON, type MultiRun } from "../context"
import { openShop } from "../shop"

export const exitOnSignal = (signal: NodeJS.Signals) => {
  say(`${signal}: stopping the cluster's processes`)
  process.exit(signal === "SIGINT" ? 130 : 143)
}

export default async function globalSetup() {
  if (!process.env.REDIS_URL) {
    say(`SKIPPED: ${SKIP_REASON}`)
    return
  }
  const startedAt = Date.now()
  const workers = num("SOKO_MULTI_WORKERS", 1)
  say(`starting 2 servers + ${workers} worker(s) (Redis ${process.env.REDIS_URL}, PostgreSQL ${process.env.DB_HOST ?? "localhost"}:${process.env.DB_PORT ?? 5432})`)
  const cluster = await startCluster({
    basePort: num("SOKO_MULTI_BASE_PORT", 9800),
    workers,
    env: {
      // Every prompt is pushed during the checkouts, minutes before it is
      // approved; a short window would let the reconciliation job (STK Query)
      // settle payments the callbacks are being measured on. Ten minutes keeps
      // callbacks the only path here, while still being the safety net.
      MPESA_RECONCILE_AFTER_SECONDS: "600",
      // Paybill payments (c2b-once.spec.ts); the URLs are registered by the start-up job on one instance.
      MPESA_C2B_SHORTCODE: C2B_SHORTCODE,
    },
  })
  try {
    // Enough stock for every checkout (Medusa reads the raw_ column of its big numbers).
    await cluster.sql(`UPDATE inventory_level SET stocked_quantity = 1000000, raw_stocked_quantity = '{"value":"1000000","precision":20}'::jsonb`)
    const shop = await openShop(cluster.servers, cluster.prepared, cluster.adminPassword)
    const run: MultiRun = {
      cluster,
      shop,
      startedAt,
      checks: [],
      measurements: {
        date: new Date().toISOString(),
        quick: !FULL,
        host: { cpus: os.cpus().length, loadavg_at_start: os.loadavg().map((l) => Math.round(l * 100) / 100) },
        startup_s: cluster.timings,
        instances: cluster.instances().map((i) => ({ name: i.name, mode: i.mode, url: i.url })),
      },
    }
    ;(globalThis as { __SOKO_MULTI__?: MultiRun }).__SOKO_MULTI__ = run
    // Ctrl-C or a SIGTERM would end Jest without its teardown and without an
    // "exit" event, leaving the detached instances running: exiting instead
    // fires the cluster's exit hook, which SIGKILLs their process groups.
    process.once("SIGINT", exitOnSignal)
    process.once("SIGTERM", exitOnSignal)
    say(`cluster up in ${((Date.now() - startedAt) / 1000).toFixed(0)} s; logs in ${cluster.logDir}`)
  } catch (error) {
    await cluster.stop()
    throw error
  }
}
