/**
 * Multi-instance test: Soko as two server processes and one worker process
 * over one PostgreSQL and one Redis (./cluster.ts), driven through both
 * servers at once, checking that every order is placed once, every M-Pesa
 * payment captured once, every notification sent once and every timer run
 * once, also when the worker is SIGKILLed mid-run and restarted, and when a
 * dead worker's settle lock is still in Redis as the callback comes. Also measures
 * M-Pesa callback → captured latency and callback throughput with
 * exactly-once capture, printed and written to .data/measurements/.
 *
 *   REDIS_URL=redis://127.0.0.1:6379 DB_HOST=localhost DB_USERNAME=postgres npm run test:multi-instance
 *
 * Without REDIS_URL it prints a SKIPPED line and exits 0. Ends with
 * "N passed, N failed, N skipped" (one per check), exit 1 on any failure.
 * Sizes: SOKO_MULTI_LATENCY_PAYMENTS (default 100; 40 with --quick, which npm test
 * passes), SOKO_MULTI_BURST_PAYMENTS (50; 30, each callback sent 3× across the
 * servers), SOKO_MULTI_KILL_PAYMENTS (24; 12 with --quick; 0: no kill phase),
 * SOKO_MULTI_CONCURRENCY (8 checkouts in flight), SOKO_MULTI_BASE_PORT (9800),
 * SOKO_MULTI_WORKERS (1; with more, the first one is killed and restarted),
 * SOKO_MULTI_REFUND_RACE (4 orders refunded on both servers at once; 0: no race phase),
 * SOKO_MULTI_REFUND_KILL (4 refunds around a worker SIGKILL; 0: no such phase).
 * The refund phases (./refund-phases.ts) run last, on orders of their own, and
 * end with the money audit for each order.
 * SOKO_MULTI_KEEP=1 keeps the database and Redis keys when a check fails.
 * Files: every instance stores uploads on the cluster's local S3 server; the
 * shared-files phase (./files-phase.ts) uploads through one server and reads through the other;
 * the shared-limits phase (./limits-phase.ts) spreads failed sign-ins over both servers.
 * Payments captured inside cart completion (callback before "place order") or
 * by a settle workflow the worker kill cut off must get their payment-received
 * messages too: the M-Pesa plugin announces those captures itself.
 * Assertions are about counts and states; waits are generous polls.
 */
import fs from "node:fs"
import path from "node:path"
import Redis from "ioredis"
import { auditAgrees, auditNets, clusterMoneyAudit } from "../helpers/money-audit"
import { startCluster, type Cluster } from "./cluster"
import { sharedFilesPhase } from "./files-phase"
import { sharedLimitsPhase } from "./limits-phase"
import { refundRacePhase, refundWorkerKillPhase } from "./refund-phases"
import { call, checkout, completeCart, openShop, pool, type Placed } from "./shop"

const root = path.resolve(__dirname, "..", "..")
const num = (name: string, fallback: number) => {
  const raw = process.env[name]?.trim()
  const value = Number(raw)
  return raw && Number.isInteger(value) && value >= 0 ? value : fallback
}
/** `--quick` (the npm test stage): fewer payments, same checks; the full run gives the figures over 100. */
const QUICK = process.argv.includes("--quick")
const LATENCY_PAYMENTS = num("SOKO_MULTI_LATENCY_PAYMENTS", QUICK ? 40 : 100)
const BURST_PAYMENTS = num("SOKO_MULTI_BURST_PAYMENTS", QUICK ? 30 : 50)
const BURST_COPIES = 3
const KILL_PAYMENTS = num("SOKO_MULTI_KILL_PAYMENTS", QUICK ? 12 : 24)
/**
 * A worker killed mid-settle leaves the payment's settle lock in Redis until
 * its TTL lapses; the settle of the same payment that BullMQ then retries
 * fails on it. The orphaned-lock phase makes that case certain: a lock held by
 * no live process, longer than the settle's 30-s wait, then the callback.
 */
const ORPHANED_LOCK_SECONDS = 45
const SYSTEM_CHECKOUTS = 10
const RACE_PAYMENTS = 8
const REPLAYED_PAYMENTS = 30
const REPLAY_COPIES_PER_SERVER = 5
const UNANSWERED = 3
const CANCELLED = 3
const CONCURRENCY = num("SOKO_MULTI_CONCURRENCY", 8)
const REFUND_RACE_ORDERS = num("SOKO_MULTI_REFUND_RACE", 4)
const REFUND_KILL_ORDERS = num("SOKO_MULTI_REFUND_KILL", 4)
/** Latency phase: at most this many approved prompts not yet captured (a light, steady load, no queue). */
const LATENCY_IN_FLIGHT = 2

const say = (m: string) => console.log(`[multi-instance] ${m}`)
const started = Date.now()
const elapsed = () => `${((Date.now() - started) / 1000).toFixed(0)} s`

type Check = { name: string; ok: boolean; detail: string }
const checks: Check[] = []
function check(name: string, ok: boolean, detail = "") {
  checks.push({ name, ok, detail })
  console.log(`${ok ? "  ✓" : "  ✗"} ${name}${detail ? ` — ${detail}` : ""}`)
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

/** Polls `fn` until it returns a value; undefined after `timeoutMs` (the caller's check then fails). */
async function waitFor<T>(label: string, fn: () => Promise<T | undefined>, timeoutMs: number, everyMs = 500): Promise<T | undefined> {
  const deadline = Date.now() + timeoutMs
  let lastError: unknown
  while (Date.now() < deadline) {
    try {
      const value = await fn()
      if (value !== undefined) {
        return value
      }
    } catch (error) {
      lastError = error
    }
    await sleep(everyMs)
  }
  say(`gave up waiting for ${label} after ${timeoutMs / 1000} s${lastError ? ` (${(lastError as Error).message})` : ""}`)
  return undefined
}

const quantile = (sorted: number[], q: number) => {
  if (!sorted.length) {
    return NaN
  }
  const pos = (sorted.length - 1) * q
  const lo = Math.floor(pos)
  const hi = Math.ceil(pos)
  return sorted[lo] + (sorted[hi] - sorted[lo]) * (pos - lo)
}
const stats = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b)
  return {
    n: sorted.length,
    min: sorted[0],
    median: Math.round(quantile(sorted, 0.5)),
    p95: Math.round(quantile(sorted, 0.95)),
    max: sorted[sorted.length - 1],
  }
}

type PaymentRow = { order_id: string; payment_id: string; amount: string; captured_at: Date | null; provider_id: string; captures: number; captured_amount: string | null }

async function payments(cluster: Cluster, orderIds: string[]): Promise<PaymentRow[]> {
  return cluster.sql<PaymentRow>(
    `SELECT opc.order_id, p.id AS payment_id, p.amount::text, p.captured_at, p.provider_id,
            (SELECT count(*) FROM capture c WHERE c.payment_id = p.id AND c.deleted_at IS NULL)::int AS captures,
            (SELECT sum(c.amount)::text FROM capture c WHERE c.payment_id = p.id AND c.deleted_at IS NULL) AS captured_amount
       FROM order_payment_collection opc
       JOIN payment p ON p.payment_collection_id = opc.payment_collection_id AND p.deleted_at IS NULL
      WHERE opc.order_id = ANY($1) AND opc.deleted_at IS NULL`,
    [orderIds]
  )
}

/** Order ids whose (single) payment is captured, with the capture time. */
async function capturedAt(cluster: Cluster, orderIds: string[]): Promise<Map<string, Date>> {
  const rows = await payments(cluster, orderIds)
  return new Map(rows.filter((r) => r.captured_at).map((r) => [r.order_id, r.captured_at as Date]))
}

async function allCaptured(cluster: Cluster, orderIds: string[], timeoutMs: number, label: string) {
  return waitFor(
    label,
    async () => ((await capturedAt(cluster, orderIds)).size === orderIds.length ? true : undefined),
    timeoutMs,
    500
  )
}

function checkoutRequestIdByPhone(cluster: Cluster): Map<string, string> {
  return new Map(cluster.simulator.listTransactions().map((t) => [t.phoneNumber, t.checkoutRequestId]))
}

/** STK requests settled from a callback (they carry its receipt; STK Query gives none). */
async function viaCallbackCount(cluster: Cluster, checkoutRequestIds: string[]): Promise<number> {
  const rows = await cluster.sql<{ n: number }>(
    `SELECT count(*)::int AS n FROM mpesa_stk_request WHERE checkout_request_id = ANY($1) AND receipt_number IS NOT NULL`,
    [checkoutRequestIds]
  )
  return rows[0].n
}

const msisdn = (n: number) => `2547${String(11_000_000 + n).padStart(8, "0")}`
const localPhone = (n: number) => `0${msisdn(n).slice(3)}`

async function main() {
  if (!process.env.REDIS_URL) {
    console.log("[multi-instance] SKIPPED: REDIS_URL is not set; several instances share events, workflows and locks only through Redis (CI sets it).")
    console.log("0 passed, 0 failed, 1 skipped")
    return 0
  }
  const os = await import("node:os")
  const measurements: Record<string, unknown> = {
    date: new Date().toISOString(),
    quick: QUICK,
    host: { cpus: os.cpus().length, loadavg_at_start: os.loadavg().map((l) => Math.round(l * 100) / 100) },
  }
  say(`starting 2 servers + ${num("SOKO_MULTI_WORKERS", 1)} worker(s) (Redis ${process.env.REDIS_URL}, PostgreSQL ${process.env.DB_HOST ?? "localhost"}:${process.env.DB_PORT ?? 5432})`)
  const cluster = await startCluster({
    basePort: num("SOKO_MULTI_BASE_PORT", 9800),
    workers: num("SOKO_MULTI_WORKERS", 1),
    env: {
      // Every prompt is pushed during the checkouts, minutes before it is
      // approved; a short window would let the reconciliation job (STK Query)
      // settle payments the callbacks are being measured on. Ten minutes keeps
      // callbacks the only path here, while still being the safety net.
      MPESA_RECONCILE_AFTER_SECONDS: "600",
    },
  })
  say(`cluster up in ${elapsed()}; logs in ${cluster.logDir}`)
  measurements.startup_s = cluster.timings
  measurements.instances = cluster.instances().map((i) => ({ name: i.name, mode: i.mode, url: i.url }))
  let failedHard = false
  try {
    // Enough stock for every checkout (Medusa reads the raw_ column of its big numbers).
    await cluster.sql(`UPDATE inventory_level SET stocked_quantity = 1000000, raw_stocked_quantity = '{"value":"1000000","precision":20}'::jsonb`)
    const shop = await openShop(cluster.servers, cluster.prepared, cluster.adminPassword)
    const sim = cluster.simulator

    // ---- 0. shared files: an image uploaded on server A, served by server B ------
    await sharedFilesPhase({ cluster, shop, check, say }).catch((error) => check("the shared-files phase ran", false, (error as Error).stack ?? String(error)))
    await sharedLimitsPhase({ cluster, check, say }).catch((error) => check("the shared-limits phase ran", false, (error as Error).stack ?? String(error)))

    // ---- A. concurrent checkouts through both servers -------------------------
    type Plan = { kind: "system" | "latency" | "race" | "burst" | "kill" | "orphan" | "unanswered" | "cancelled"; n: number }
    const plans: Plan[] = []
    let n = 0
    const add = (kind: Plan["kind"], count: number) => {
      for (let i = 0; i < count; i++) {
        plans.push({ kind, n: n++ })
      }
    }
    add("system", SYSTEM_CHECKOUTS)
    add("latency", LATENCY_PAYMENTS)
    add("burst", BURST_PAYMENTS)
    add("kill", KILL_PAYMENTS)
    add("orphan", 1)
    add("unanswered", UNANSWERED)
    add("cancelled", CANCELLED)
    add("race", RACE_PAYMENTS)
    // Interleave kinds so both providers are in flight together.
    plans.sort((a, b) => ((a.n * 7919) % plans.length) - ((b.n * 7919) % plans.length))
    const t0 = Date.now()
    const placedResults = await pool(plans, CONCURRENCY, (plan) =>
      checkout(shop, {
        index: plan.n,
        provider: plan.kind === "system" ? "system" : "mpesa",
        phone: plan.kind === "system" ? undefined : localPhone(plan.n),
        skipComplete: plan.kind === "race",
      })
    )
    const checkoutSeconds = (Date.now() - t0) / 1000
    const placed = new Map<Plan, Placed>()
    const errors: string[] = []
    placedResults.forEach((r, i) => (r instanceof Error ? errors.push(r.message) : placed.set(plans[i], r)))
    measurements.checkouts = {
      count: plans.length,
      concurrency: CONCURRENCY,
      seconds: Math.round(checkoutSeconds * 10) / 10,
      per_second: Math.round((plans.length / checkoutSeconds) * 100) / 100,
    }
    say(`${plans.length} checkouts (${plans.length - RACE_PAYMENTS} completed, ${RACE_PAYMENTS} left for the race) in ${checkoutSeconds.toFixed(1)} s at ${CONCURRENCY} in flight, calls alternating between ${cluster.servers.join(" and ")}`)
    check("every checkout call succeeded through both servers", errors.length === 0, errors.slice(0, 3).join(" | "))
    const ofKind = (kind: Plan["kind"]) => plans.filter((p) => p.kind === kind && placed.has(p))
    const orderOf = (p: Plan) => placed.get(p)!.orderId!
    const checkoutIds = checkoutRequestIdByPhone(cluster)
    const cridOf = (p: Plan) => checkoutIds.get(msisdn(p.n))!
    check(
      "every M-Pesa checkout sent one STK push",
      plans.filter((p) => p.kind !== "system" && placed.has(p)).every((p) => checkoutIds.has(msisdn(p.n))) &&
        sim.listTransactions().length === plans.filter((p) => p.kind !== "system" && placed.has(p)).length,
      `${sim.listTransactions().length} pushes`
    )

    // ---- timers: unpaid orders past their deadline -----------------------------
    for (const p of ofKind("cancelled")) {
      sim.cancel(cridOf(p))
    }
    const timerOrders = [...ofKind("unanswered"), ...ofKind("cancelled")].map(orderOf)
    await waitFor(
      "cancelled prompts to be recorded",
      async () => {
        const rows = await cluster.sql<{ n: number }>(
          `SELECT count(*)::int AS n FROM mpesa_stk_request WHERE checkout_request_id = ANY($1) AND status <> 'pending'`,
          [ofKind("cancelled").map(cridOf)]
        )
        return rows[0].n === CANCELLED ? true : undefined
      },
      120_000
    )
    // Placed two hours ago: the every-minute cancel-unpaid timer (60 minutes) picks them up.
    await cluster.sql(`UPDATE "order" SET created_at = now() - interval '2 hours' WHERE id = ANY($1)`, [timerOrders])
    const timerMovedAt = Date.now()
    say(`${timerOrders.length} unpaid orders moved 2 hours into the past for the cancel-unpaid timer`)

    // ---- B. latency: callback sent → payment captured --------------------------
    const latencyPlans = ofKind("latency")
    const latencyOrders = latencyPlans.map(orderOf)
    const observed = new Map<string, number>()
    let polling = true
    const poller = (async () => {
      while (polling) {
        const open = latencyOrders.filter((o) => !observed.has(o))
        if (!open.length) {
          break
        }
        const at = Date.now()
        for (const id of (await capturedAt(cluster, open).catch(() => new Map<string, Date>())).keys()) {
          observed.set(id, at)
        }
        await sleep(100)
      }
    })()
    const approveStarted = Date.now()
    const approvedOrders: string[] = []
    for (const p of latencyPlans) {
      await waitFor("room for the next approval", async () => (approvedOrders.filter((o) => !observed.has(o)).length < LATENCY_IN_FLIGHT ? true : undefined), 120_000, 20)
      sim.approve(cridOf(p))
      approvedOrders.push(orderOf(p))
    }
    await allCaptured(cluster, latencyOrders, 180_000, "the latency payments to be captured")
    await waitFor("the poller to see the last capture", async () => (observed.size === latencyOrders.length ? true : undefined), 10_000, 50)
    polling = false
    await poller
    const captured = await capturedAt(cluster, latencyOrders)
    const sentAt = (p: Plan) => sim.listCallbacks({ kind: "stk", checkoutRequestId: cridOf(p) }).find((c) => c.copy === 1)?.attempts[0]?.at
    const dbLatency: number[] = []
    const pollLatency: number[] = []
    for (const p of latencyPlans) {
      const sent = sentAt(p)
      const at = captured.get(orderOf(p))
      if (sent !== undefined && at) {
        dbLatency.push(at.getTime() - sent)
      }
      const seen = observed.get(orderOf(p))
      if (sent !== undefined && seen) {
        pollLatency.push(seen - sent)
      }
    }
    check(`all ${latencyOrders.length} latency payments captured`, captured.size === latencyOrders.length, `${captured.size} captured`)
    measurements.callback_to_captured_ms = {
      method:
        "simulator clock when it POSTed the STK callback (first attempt) → payment.captured_at written by the worker (same machine clock); " +
        "orders already placed (awaiting payment), callbacks through a round-robin proxy to 2 servers, settled by 1 worker; " +
        `a prompt approved whenever fewer than ${LATENCY_IN_FLIGHT} approved payments were not yet seen captured (polling the DB every 100 ms)`,
      db: stats(dbLatency),
      observed_by_polling_db_every_100ms: stats(pollLatency),
      approvals_seconds: Math.round((Date.now() - approveStarted) / 100) / 10,
    }
    say(`callback → captured (payment.captured_at): ${JSON.stringify(stats(dbLatency))} ms`)
    say(`callback → seen captured by a 100 ms poll:   ${JSON.stringify(stats(pollLatency))} ms`)

    // ---- C. replays to both servers, and callback racing "place order" ----------
    const replayed = latencyPlans.slice(0, REPLAYED_PAYMENTS)
    const hook = (base: string) => `${base}/hooks/daraja/stk/${cluster.callbackSecret}`
    const replayJobs = replayed.flatMap((p) => {
      const body = sim.listCallbacks({ kind: "stk", checkoutRequestId: cridOf(p) })[0]?.body
      return cluster.servers.flatMap((base) => Array.from({ length: REPLAY_COPIES_PER_SERVER }, () => ({ url: hook(base), body })))
    })
    const replayAnswers = await pool(replayJobs, 32, async (job) => {
      const res = await fetch(job.url, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(job.body) })
      return res.status
    })
    check(
      `${replayJobs.length} replayed callbacks (${REPLAYED_PAYMENTS} payments × ${REPLAY_COPIES_PER_SERVER} × ${cluster.servers.length} servers, concurrently) answered 200`,
      replayAnswers.every((s) => s === 200),
      [...new Set(replayAnswers.map(String))].join(",")
    )
    const racePlans = ofKind("race")
    const raceResults = await pool(racePlans, RACE_PAYMENTS, async (p, i) => {
      const base = cluster.servers[i % cluster.servers.length]
      const [orderId] = await Promise.all([
        completeCart(shop, placed.get(p)!.cartId, base),
        (async () => {
          await sleep(i * 15)
          sim.approve(cridOf(p))
        })(),
      ])
      placed.get(p)!.orderId = orderId
      return orderId
    })
    check(
      `${RACE_PAYMENTS} carts completed while their paid callback arrived`,
      raceResults.every((r) => typeof r === "string"),
      raceResults.filter((r) => r instanceof Error).map((e) => (e as Error).message).slice(0, 2).join(" | ")
    )
    await allCaptured(cluster, racePlans.filter((p) => placed.get(p)!.orderId).map(orderOf), 180_000, "the race payments")

    // ---- burst: held callbacks released at once, with duplicates ---------------
    const burstPlans = ofKind("burst")
    const burstOrders = burstPlans.map(orderOf)
    cluster.proxy.hold(true)
    for (const p of burstPlans) {
      sim.approve(cridOf(p))
    }
    const held = await waitFor("the burst callbacks to be held", async () => {
      const delivered = burstPlans.filter((p) => sim.listCallbacks({ kind: "stk", checkoutRequestId: cridOf(p) }).some((c) => c.status === "delivered"))
      return delivered.length === burstPlans.length ? true : undefined
    }, 60_000, 100)
    cluster.proxy.hold(false)
    const heldCallbacks = cluster.proxy.takeHeld()
    check(`${burstPlans.length} burst callbacks held back`, !!held && heldCallbacks.length === burstPlans.length, `${heldCallbacks.length} held`)
    const burstJobs = heldCallbacks.flatMap((h, i) =>
      Array.from({ length: BURST_COPIES }, (_, copy) => ({ url: `${cluster.servers[(i + copy) % cluster.servers.length]}${h.path}`, body: h.body }))
    )
    // Shuffle so copies of one callback arrive at different moments on different servers.
    for (let i = burstJobs.length - 1; i > 0; i--) {
      const j = Math.floor(Math.random() * (i + 1))
      ;[burstJobs[i], burstJobs[j]] = [burstJobs[j], burstJobs[i]]
    }
    const burstStart = Date.now()
    const burstAnswers = await pool(burstJobs, 32, async (job) => {
      const res = await fetch(job.url, { method: "POST", headers: { "content-type": "application/json" }, body: new Uint8Array(job.body) })
      return res.status
    })
    const burstAccepted = Date.now()
    const burstDone = await allCaptured(cluster, burstOrders, 240_000, "the burst payments")
    const burstSettled = Date.now()
    check(`${burstJobs.length} burst callbacks answered 200`, burstAnswers.every((s) => s === 200), [...new Set(burstAnswers.map(String))].join(","))
    check(`all ${burstOrders.length} burst payments captured`, !!burstDone)
    measurements.callback_burst = {
      method:
        `${burstPlans.length} paid callbacks held at the proxy, then each POSTed ${BURST_COPIES}× (copies on different servers), ` +
        "32 requests in flight from one client; ingestion = all HTTP answers received; settled = every payment captured (polled every 500 ms)",
      callbacks: burstJobs.length,
      unique_payments: burstPlans.length,
      ingestion_seconds: (burstAccepted - burstStart) / 1000,
      ingestion_callbacks_per_second: Math.round((burstJobs.length / ((burstAccepted - burstStart) / 1000)) * 10) / 10,
      settled_seconds: (burstSettled - burstStart) / 1000,
      callbacks_per_second_exactly_once: Math.round((burstJobs.length / ((burstSettled - burstStart) / 1000)) * 10) / 10,
      payments_captured_per_second: Math.round((burstPlans.length / ((burstSettled - burstStart) / 1000)) * 10) / 10,
      settled_by_callback: await viaCallbackCount(cluster, burstPlans.map(cridOf)),
    }
    say(`burst: ${JSON.stringify(measurements.callback_burst)}`)

    // ---- D. the timer ran once -------------------------------------------------
    const timerDone = await waitFor(
      "the cancel-unpaid timer",
      async () => {
        const rows = await cluster.sql<{ n: number }>(`SELECT count(*)::int AS n FROM "order" WHERE id = ANY($1) AND status = 'canceled'`, [timerOrders])
        return rows[0].n === timerOrders.length ? true : undefined
      },
      Math.max(30_000, 200_000 - (Date.now() - timerMovedAt)),
      2000
    )
    const timerChanges = await cluster.sql<{ order_id: string; n: number }>(
      `SELECT order_id, count(*)::int AS n FROM order_status_change WHERE source = 'timer:cancel-unpaid' AND deleted_at IS NULL GROUP BY order_id`
    )
    const timerRuns = await cluster.sql<{ runs: number; changed: number }>(
      `SELECT count(*)::int AS runs, coalesce(sum(changed_count), 0)::int AS changed FROM order_timer_run WHERE timer = 'cancel-unpaid' AND changed_count > 0`
    )
    check(`the ${timerOrders.length} unpaid orders past their deadline were cancelled`, !!timerDone)
    check(
      "each was cancelled by the timer exactly once, and no other order",
      timerChanges.length === timerOrders.length && timerChanges.every((r) => r.n === 1 && timerOrders.includes(r.order_id)),
      `${timerChanges.length} orders with a timer entry, max ${Math.max(0, ...timerChanges.map((r) => r.n))} each`
    )
    check("the timer runs that changed orders changed each once in total", timerRuns[0].changed === timerOrders.length, `${timerRuns[0].runs} run(s), ${timerRuns[0].changed} changes`)

    // ---- E0. a settle lock left behind by a dead worker ------------------------
    const [orphan] = ofKind("orphan")
    if (orphan) {
      const redis = new Redis(process.env.REDIS_URL!)
      const lockKey = `${cluster.redisPrefix}:lock:mpesa-stk:${cridOf(orphan)}`
      try {
        await redis.set(lockKey, "worker-that-died", "EX", ORPHANED_LOCK_SECONDS, "NX")
      } finally {
        redis.disconnect()
      }
      const lockedAt = Date.now()
      sim.approve(cridOf(orphan))
      const done = await allCaptured(cluster, [orderOf(orphan)], 180_000, "the payment behind an orphaned lock")
      const capturedAfter = done ? ((await capturedAt(cluster, [orderOf(orphan)])).get(orderOf(orphan))!.getTime() - lockedAt) / 1000 : null
      check(
        `a payment whose settle lock a dead worker left (${ORPHANED_LOCK_SECONDS} s) was captured from its callback once the lock lapsed`,
        !!done && capturedAfter! >= ORPHANED_LOCK_SECONDS - 1 && (await viaCallbackCount(cluster, [cridOf(orphan)])) === 1,
        capturedAfter === null ? "not captured" : `captured ${capturedAfter.toFixed(1)} s after the lock was taken`
      )
      measurements.orphaned_lock = { lock_seconds: ORPHANED_LOCK_SECONDS, captured_seconds_after_lock: capturedAfter }
    }

    // ---- E. SIGKILL the worker mid-run, restart it -----------------------------
    const killPlans = ofKind("kill")
    if (!killPlans.length) {
      say("worker kill phase skipped (SOKO_MULTI_KILL_PAYMENTS=0)")
    } else {
      const killOrders = killPlans.map(orderOf)
      const third = Math.ceil(killPlans.length / 3)
      for (const p of killPlans.slice(0, third)) {
        sim.approve(cridOf(p))
        await sleep(50)
      }
      // Kill while the worker is busy: some of these captured, the rest queued or mid-workflow.
      await waitFor("the first captures before the kill", async () => ((await capturedAt(cluster, killOrders)).size >= 2 ? true : undefined), 60_000, 50)
      await cluster.killWorker()
      const killedAt = Date.now()
      const capturedAtKill = (await capturedAt(cluster, killOrders)).size
      say(`worker SIGKILLed with ${third} callbacks sent, ${capturedAtKill} of them captured`)
      for (const p of killPlans.slice(third)) {
        sim.approve(cridOf(p))
        await sleep(20)
      }
      const restartStarted = Date.now()
      await cluster.startWorker()
      const restartSeconds = (Date.now() - restartStarted) / 1000
      say(`worker restarted in ${restartSeconds.toFixed(1)} s (${((Date.now() - killedAt) / 1000).toFixed(1)} s after the kill)`)
      const killDone = await allCaptured(cluster, killOrders, 300_000, "the payments sent around the worker's death")
      const recovered = Date.now()
      check(`all ${killOrders.length} payments whose callbacks came around the worker kill were captured`, !!killDone, `${(await capturedAt(cluster, killOrders)).size} captured`)
      measurements.worker_kill = {
        settled_by_callback: await viaCallbackCount(cluster, killPlans.map(cridOf)),
        payments: killOrders.length,
        callbacks_before_kill: third,
        captured_at_kill: capturedAtKill,
        worker_restart_seconds: restartSeconds,
        all_captured_seconds_after_kill: (recovered - killedAt) / 1000,
      }
    }

    // ---- F. exactly once, everywhere ---------------------------------------------
    const all = [...placed.entries()]
    const orderIds = all.map(([, p]) => p.orderId).filter((o): o is string => !!o)
    const cartIds = all.map(([, p]) => p.cartId)
    const perCart = await cluster.sql<{ cart_id: string; n: number }>(
      `SELECT cart_id, count(*)::int AS n FROM order_cart WHERE cart_id = ANY($1) AND deleted_at IS NULL GROUP BY cart_id`,
      [cartIds]
    )
    const orderTotal = await cluster.sql<{ n: number }>(`SELECT count(*)::int AS n FROM "order" WHERE deleted_at IS NULL`)
    check(
      `every cart (${cartIds.length}) became exactly one order`,
      perCart.length === cartIds.length && perCart.every((r) => r.n === 1) && orderTotal[0].n === cartIds.length && orderIds.length === cartIds.length,
      `${perCart.length} carts with an order, max ${Math.max(0, ...perCart.map((r) => r.n))} per cart, ${orderTotal[0].n} orders in the database`
    )
    const paidPlans = all.filter(([p]) => ["latency", "race", "burst", "kill", "orphan"].includes(p.kind))
    const paidOrders = paidPlans.map(([, p]) => p.orderId!).filter(Boolean)
    const rows = await payments(cluster, orderIds)
    const byOrder = new Map<string, PaymentRow[]>()
    for (const r of rows) {
      byOrder.set(r.order_id, [...(byOrder.get(r.order_id) ?? []), r])
    }
    const badPaid = paidOrders.filter((o) => {
      const ps = byOrder.get(o) ?? []
      return ps.length !== 1 || ps[0].captures !== 1 || !ps[0].captured_at || ps[0].captured_amount !== ps[0].amount || ps[0].provider_id !== "pp_mpesa_mpesa"
    })
    check(`every paid M-Pesa order (${paidOrders.length}) has one payment captured exactly once for its amount`, badPaid.length === 0, badPaid.slice(0, 3).map((o) => JSON.stringify(byOrder.get(o))).join(" | "))
    const doubleCaptures = await cluster.sql<{ payment_id: string; n: number }>(
      `SELECT payment_id, count(*)::int AS n FROM capture WHERE deleted_at IS NULL GROUP BY payment_id HAVING count(*) > 1`
    )
    check("no payment in the database has two captures", doubleCaptures.length === 0, JSON.stringify(doubleCaptures.slice(0, 3)))
    const unpaidOrders = all.filter(([p]) => ["system", "unanswered", "cancelled"].includes(p.kind)).map(([, p]) => p.orderId!)
    check(
      "no system-provider or unpaid M-Pesa order was captured",
      unpaidOrders.every((o) => (byOrder.get(o) ?? []).every((r) => r.captures === 0)),
    )
    type StkRow = { checkout_request_id: string; status: string; receipt_number: string | null; captured_at: Date | null }
    const stkRows = () =>
      cluster.sql<StkRow>(`SELECT checkout_request_id, status, receipt_number, captured_at FROM mpesa_stk_request WHERE deleted_at IS NULL`)
    const paidCrids = new Set(paidPlans.map(([p]) => cridOf(p)))
    // A settle cut off by the SIGKILL after Medusa's capture but before the
    // ledger noted it is finished by the retried job once the dead run's
    // CheckoutRequestID lock expires (TTL 120 s): wait for that, generously.
    const ledgerStarted = Date.now()
    const stk =
      (await waitFor(
        "the M-Pesa ledger to note every capture",
        async () => {
          const rows = await stkRows()
          return rows.filter((r) => paidCrids.has(r.checkout_request_id)).every((r) => r.status === "paid" && r.captured_at) ? rows : undefined
        },
        240_000,
        2000
      )) ?? (await stkRows())
    measurements.ledger_caught_up_seconds = (Date.now() - ledgerStarted) / 1000
    const paidStk = stk.filter((s) => paidCrids.has(s.checkout_request_id))
    const receipts = paidStk.map((s) => s.receipt_number).filter(Boolean)
    check(
      "every paid STK request is recorded paid; no receipt recorded twice",
      paidStk.length === paidCrids.size && paidStk.every((s) => s.status === "paid" && s.captured_at) && new Set(receipts).size === receipts.length,
      `${paidStk.length} requests, ${receipts.length} receipts, ${new Set(receipts).size} distinct`
    )
    // STK Query (reconciliation) does not return the receipt; a callback handled
    // after such a settlement is a duplicate and its receipt is not stored.
    measurements.paid_without_receipt = paidStk.filter((s) => !s.receipt_number).length
    if (paidStk.some((s) => !s.receipt_number)) {
      say(`note: ${paidStk.filter((s) => !s.receipt_number).length} paid requests have no receipt number (settled by STK Query before their callback was handled)`)
    }
    const cancelledStk = stk.filter((s) => ofKind("cancelled").map(cridOf).includes(s.checkout_request_id))
    check("cancelled prompts are recorded failed, not paid", cancelledStk.every((s) => s.status !== "paid" && s.status !== "pending" && !s.receipt_number))
    // The money audit for every order: Safaricom's ledger = Medusa's captured minus refunded = Soko's ledger
    // (payments replayed ×10 across both servers, burst duplicates, the kill, the race, the unpaid ones).
    const audits = await pool(orderIds, 4, async (id) => ({ id, audit: await clusterMoneyAudit(cluster.sql, sim, id) }))
    const disagreeing = audits.filter((a) => a instanceof Error || !auditAgrees(a.audit))
    check(
      `the money audit holds for every order (${orderIds.length})`,
      disagreeing.length === 0,
      disagreeing.slice(0, 3).map((a) => (a instanceof Error ? a.message : `${a.id}: ${JSON.stringify(auditNets(a.audit))}`)).join(" | ")
    )
    // Every callback accepted by a server is eventually handled by a worker (a job the
    // killed worker held is retried once BullMQ sees it stalled, ~30 s after its lock lapses).
    const unhandled = async () =>
      cluster.sql<{ checkout_request_id: string; created_at: Date }>(
        `SELECT checkout_request_id, created_at FROM mpesa_callback_log WHERE kind = 'stk' AND outcome = 'received' AND deleted_at IS NULL`
      )
    await waitFor("every accepted callback to be handled", async () => ((await unhandled()).length === 0 ? true : undefined), 120_000, 2000)
    const stillReceived = await unhandled()
    check(
      "every callback a server accepted was handled by a worker (none left 'received')",
      stillReceived.length === 0,
      stillReceived.slice(0, 3).map((r) => `${r.checkout_request_id} (${plans.find((p) => placed.has(p) && p.kind !== "system" && cridOf(p) === r.checkout_request_id)?.kind}) at ${r.created_at.toISOString()}`).join(", ")
    )
    const callbackLog = await cluster.sql<{ outcome: string; n: number }>(`SELECT outcome, count(*)::int AS n FROM mpesa_callback_log WHERE kind = 'stk' GROUP BY outcome ORDER BY outcome`)
    say(`callback log outcomes: ${callbackLog.map((r) => `${r.outcome}=${r.n}`).join(", ")}`)
    measurements.callback_log_outcomes = Object.fromEntries(callbackLog.map((r) => [r.outcome, r.n]))

    // Admin view of the same: payment status per order.
    const adminStatus = await pool(orderIds, 8, async (id) => {
      const { order } = await call(cluster.servers[id.charCodeAt(id.length - 1) % cluster.servers.length], "GET", `/admin/orders/${id}?fields=id,payment_status,status`, undefined, shop.admin)
      return order as { id: string; payment_status: string; status: string }
    })
    const statusOf = new Map(adminStatus.filter((o): o is { id: string; payment_status: string; status: string } => !(o instanceof Error)).map((o) => [o.id, o]))
    check(
      "the admin API shows every paid M-Pesa order as captured",
      paidOrders.every((o) => statusOf.get(o)?.payment_status === "captured"),
      `${paidOrders.filter((o) => statusOf.get(o)?.payment_status === "captured").length}/${paidOrders.length}`
    )
    check(
      "the admin API shows the timer's orders canceled and the system-provider orders authorized",
      timerOrders.every((o) => statusOf.get(o)?.status === "canceled") &&
        ofKind("system").every((p) => statusOf.get(orderOf(p))?.payment_status === "authorized"),
      ofKind("system").map((p) => statusOf.get(orderOf(p))?.payment_status).join(",")
    )

    // Notifications: settle, then each message delivered once.
    type Msg = { id: string; trigger: string; template: string; channel: string; status: string; order_id: string | null; resource_id: string; last_error: string | null; delivered: number }
    const messages = async () =>
      cluster.sql<Msg>(
        `SELECT m.id, m.trigger, m.template, m.channel, m.status, m.order_id, m.resource_id, m.last_error,
                (SELECT count(*) FROM notification n WHERE n.data->>'soko_message_id' = m.id AND n.status = 'success')::int AS delivered
           FROM soko_notification_message m WHERE m.deleted_at IS NULL`
      )
    const paymentIdOf = (p: Plan) => byOrder.get(orderOf(p))?.[0]?.payment_id
    // A callback handled before the order exists marks the session paid and cart
    // completion captures it inside Medusa's payment module, which emits no
    // payment.captured: such payments get no payment-received message (see the report).
    const racePaymentIds = ofKind("race").map(paymentIdOf).filter((id): id is string => !!id)
    // A settle workflow SIGKILLed after Medusa's capture committed but before the
    // workflow finished: its payment.captured was still held in the workflow's
    // event group (released only when the whole workflow ends), so it is never
    // emitted; the retried run finds the payment captured and only notes it in
    // the ledger (seconds to minutes later). Such payments get no payment-received.
    const cutOffRows = await cluster.sql<{ payment_id: string }>(
      `SELECT p.id AS payment_id FROM mpesa_stk_request s JOIN payment p ON p.payment_session_id = s.payment_session_id
        WHERE s.checkout_request_id = ANY($1) AND s.captured_at > p.captured_at + interval '5 seconds'`,
      [killPlans.map(cridOf)]
    )
    const cutOffPaymentIds = cutOffRows.map((r) => r.payment_id)
    // Race and cut-off payments are expected like any other (no known gaps).
    const knownGapIds: string[] = []
    const expectedPaymentIds = new Set(
      paidPlans.map(([p]) => paymentIdOf(p)).filter((id): id is string => !!id && !knownGapIds.includes(id))
    )
    const settledMessages = await waitFor(
      "notifications to settle",
      async () => {
        const ms = await messages()
        const open = ms.filter((m) => ["pending", "sending", "retrying"].includes(m.status))
        const placedOrders = new Set(ms.filter((m) => m.trigger === "order.placed").map((m) => m.order_id))
        const paidMsgs = new Set(ms.filter((m) => m.trigger === "payment.captured").map((m) => m.resource_id))
        return open.length === 0 && orderIds.every((o) => placedOrders.has(o)) && [...expectedPaymentIds].every((p) => paidMsgs.has(p!)) ? ms : undefined
      },
      180_000,
      2000
    )
    const ms = settledMessages ?? (await messages())
    const sig = (list: Msg[]) => list.map((m) => `${m.template}/${m.channel}`).sort().join(",")
    const groups = (trigger: string, key: (m: Msg) => string | null, ids: string[]) => {
      const by = new Map<string, Msg[]>()
      for (const m of ms.filter((m) => m.trigger === trigger)) {
        const k = key(m)
        if (k) {
          by.set(k, [...(by.get(k) ?? []), m])
        }
      }
      const sigs = ids.map((id) => sig(by.get(id) ?? []))
      const counts = new Map<string, number>()
      sigs.forEach((x) => counts.set(x, (counts.get(x) ?? 0) + 1))
      const reference = [...counts.entries()].sort((a, b) => b[1] - a[1])[0]?.[0] ?? ""
      return { ok: !!reference && sigs.every((s) => s === reference), reference, odd: ids.filter((_, i) => sigs[i] !== reference), extra: [...by.keys()].filter((k) => !ids.includes(k)) }
    }
    const placedGroups = groups("order.placed", (m) => m.order_id, orderIds)
    check(`every order got the same order-placed messages once (${placedGroups.reference})`, placedGroups.ok && placedGroups.extra.length === 0, placedGroups.odd.slice(0, 3).join(","))
    const paidGroups = groups("payment.captured", (m) => m.resource_id, [...expectedPaymentIds])
    const raceGroups = groups("payment.captured", (m) => m.resource_id, racePaymentIds)
    const kindOfPayment = new Map(paidPlans.map(([p]) => [paymentIdOf(p), p.kind]))
    check(
      `every payment captured after its order was placed got the payment-received messages once (${paidGroups.reference})`,
      paidGroups.ok && paidGroups.extra.filter((id) => !knownGapIds.includes(id)).length === 0,
      `${paidGroups.odd.length} payments differ (${paidGroups.odd.map((id) => `${id}:${kindOfPayment.get(id)}`).slice(0, 6).join(", ")})`
    )
    const sigOf = (id: string) => sig(ms.filter((m) => m.trigger === "payment.captured" && m.resource_id === id))
    const raceSigs = racePaymentIds.map(sigOf)
    const raceWithout = raceSigs.filter((x) => x === "").length
    const cutOffWithout = cutOffPaymentIds.filter((id) => sigOf(id) === "").length
    check(
      "no payment captured during cart completion or by a cut-off workflow got payment-received messages more than once",
      [...raceSigs, ...cutOffPaymentIds.map(sigOf)].every((x) => x === "" || x === paidGroups.reference),
      raceGroups.odd.slice(0, 3).join(",")
    )
    measurements.race_payments_without_payment_received = { of: racePaymentIds.length, without: raceWithout }
    measurements.cut_off_settles_without_payment_received = { of: cutOffPaymentIds.length, without: cutOffWithout }
    const cancelGroups = groups("order.cancelled", (m) => m.order_id, timerOrders)
    check(`every order the timer cancelled got the cancellation messages once (${cancelGroups.reference})`, cancelGroups.ok && cancelGroups.extra.length === 0, cancelGroups.odd.slice(0, 3).join(","))
    const failedMsgs = ms.filter((m) => m.trigger === "payment.failed")
    check("the cancelled prompts got payment-failed messages", failedMsgs.length > 0 && new Set(failedMsgs.map((m) => m.resource_id)).size === CANCELLED, `${failedMsgs.length} messages for ${new Set(failedMsgs.map((m) => m.resource_id)).size} payments`)
    const twice = ms.filter((m) => m.delivered > 1)
    const notSent = ms.filter((m) => m.status !== "sent" && m.status !== "skipped")
    const sentWithoutDelivery = ms.filter((m) => m.status === "sent" && m.delivered !== 1)
    check(`no message delivered twice (${ms.length} messages)`, twice.length === 0, twice.slice(0, 3).map((m) => `${m.id} ${m.template}/${m.channel} ×${m.delivered}`).join(" | "))
    check(
      "every message was sent (each with exactly one successful delivery)",
      notSent.length === 0 && sentWithoutDelivery.length === 0,
      [...notSent, ...sentWithoutDelivery].slice(0, 3).map((m) => `${m.template}/${m.channel} ${m.status} ${m.last_error ?? ""}`).join(" | ")
    )
    measurements.notifications = {
      messages: ms.length,
      by_status: ms.reduce<Record<string, number>>((acc, m) => ({ ...acc, [m.status]: (acc[m.status] ?? 0) + 1 }), {}),
    }

    // ---- G. refunds: both servers at once; a worker killed mid-refund ---------
    // After the exactly-once checks above, which count every order in the database.
    const tools = { cluster, shop, check, waitFor, say, measurements }
    const refundIndex = plans.length + 1000
    if (REFUND_RACE_ORDERS) {
      const phaseStarted = Date.now()
      await refundRacePhase(tools, refundIndex, REFUND_RACE_ORDERS)
      say(`refund race phase took ${((Date.now() - phaseStarted) / 1000).toFixed(1)} s`)
    }
    if (REFUND_KILL_ORDERS) {
      const phaseStarted = Date.now()
      await refundWorkerKillPhase(tools, refundIndex + REFUND_RACE_ORDERS, REFUND_KILL_ORDERS)
      say(`refund worker-kill phase took ${((Date.now() - phaseStarted) / 1000).toFixed(1)} s`)
    }
  } catch (error) {
    failedHard = true
    check("the run completed", false, (error as Error).stack ?? String(error))
  } finally {
    const stopStarted = Date.now()
    measurements.loadavg_at_end = os.loadavg().map((l) => Math.round(l * 100) / 100)
    await cluster.stop({ keep: process.env.SOKO_MULTI_KEEP === "1" && (failedHard || checks.some((c) => !c.ok)) })
    say(`cluster stopped in ${((Date.now() - stopStarted) / 1000).toFixed(1)} s`)
  }
  measurements.total_seconds = Math.round((Date.now() - started) / 1000)
  measurements.checks = checks
  const dir = path.join(root, ".data", "measurements")
  fs.mkdirSync(dir, { recursive: true })
  const file = path.join(dir, `multi-instance-${new Date().toISOString().replace(/[:.]/g, "-")}.json`)
  fs.writeFileSync(file, JSON.stringify(measurements, null, 2))
  fs.writeFileSync(path.join(dir, "multi-instance-latest.json"), JSON.stringify(measurements, null, 2))
  say(`measurements written to ${path.relative(root, file)} (total ${elapsed()})`)
  const failed = checks.filter((c) => !c.ok).length
  if (failed || failedHard) {
    say(`FAILED checks: ${checks.filter((c) => !c.ok).map((c) => c.name).join("; ")} (logs kept in ${cluster.logDir})`)
  } else {
    fs.rmSync(cluster.logDir, { recursive: true, force: true })
  }
  console.log(`${checks.length - failed} passed, ${failed} failed, 0 skipped`)
  return failed ? 1 : 0
}

main().then(
  (code) => process.exit(code),
  (error) => {
    console.error(`[multi-instance] FAIL: ${(error as Error).stack ?? String(error)}`)
    console.log("0 passed, 1 failed, 0 skipped")
    process.exit(1)
  }
)
