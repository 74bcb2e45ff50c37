/**
 * The M-Pesa callback traffic of ./captures-once.spec.ts, with its figures:
 * a steady stream of approvals (callback → captured latency), and a burst of
 * held callbacks released at once with duplicates across the servers.
 */
import type { Cluster } from "./cluster"
import { sleep, stats, waitFor, type Plan } from "./context"
import { allCaptured, capturedAt, cridsOf, ordersOf, viaCallbackCount } from "./scenario"
import { pool } from "./shop"

/** At most this many approved prompts not yet captured: a light, steady load, no queue. */
const LATENCY_IN_FLIGHT = 2
const BURST_COPIES = 3

/** Approves the plans' prompts one by one and measures callback sent → payment captured. */
export async function latencyTraffic(cluster: Cluster, plans: Plan[]) {
  const sim = cluster.simulator
  const orders = ordersOf(plans)
  const observed = new Map<string, number>()
  let polling = true
  const poller = (async () => {
    while (polling) {
      const open = orders.filter((o) => !observed.has(o))
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
  const approved: string[] = []
  for (const p of plans) {
    await waitFor("room for the next approval", async () => (approved.filter((o) => !observed.has(o)).length < LATENCY_IN_FLIGHT ? true : undefined), 120_000, 20)
    sim.approve(p.crid!)
    approved.push(p.orderId!)
  }
  await allCaptured(cluster, orders, 180_000, "the latency payments to be captured")
  await waitFor("the poller to see the last capture", async () => (observed.size === orders.length ? true : undefined), 10_000, 50)
  polling = false
  await poller
  const captured = await capturedAt(cluster, orders)
  const dbLatency: number[] = []
  const pollLatency: number[] = []
  for (const p of plans) {
    const sent = sim.listCallbacks({ kind: "stk", checkoutRequestId: p.crid }).find((c) => c.copy === 1)?.attempts[0]?.at
    const at = captured.get(p.orderId!)
    if (sent !== undefined && at) {
      dbLatency.push(at.getTime() - sent)
    }
    const seen = observed.get(p.orderId!)
    if (sent !== undefined && seen) {
      pollLatency.push(seen - sent)
    }
  }
  return {
    captured: captured.size,
    measurement: {
      method:
        "simulator clock when it POSTed the STK callback (first attempt) → payment.captured_at written by the worker (same machine clock); " +
        "orders already placed (awaiting payment), callbacks through a round-robin proxy to 2 servers, settled by 1 worker; " +
        `a prompt approved whenever fewer than ${LATENCY_IN_FLIGHT} approved payments were not yet seen captured (polling the DB every 100 ms)`,
      db: stats(dbLatency),
      observed_by_polling_db_every_100ms: stats(pollLatency),
      approvals_seconds: Math.round((Date.now() - approveStarted) / 100) / 10,
    },
  }
}

/** Holds the plans' paid callbacks at the proxy, then POSTs each BURST_COPIES times, copies on different servers. */
export async function burstTraffic(cluster: Cluster, plans: Plan[]) {
  const sim = cluster.simulator
  cluster.proxy.hold(true)
  for (const p of plans) {
    sim.approve(p.crid!)
  }
  const held = await waitFor(
    "the burst callbacks to be held",
    async () => (plans.every((p) => sim.listCallbacks({ kind: "stk", checkoutRequestId: p.crid }).some((c) => c.status === "delivered")) ? true : undefined),
    60_000,
    100
  )
  cluster.proxy.hold(false)
  const heldCallbacks = cluster.proxy.takeHeld()
  const jobs = heldCallbacks.flatMap((h, i) =>
    Array.from({ length: BURST_COPIES }, (_, copy) => ({ url: `${cluster.servers[(i + copy) % cluster.servers.length]}${h.path}`, body: h.body }))
  )
  // Shuffle so copies of one callback arrive at different moments on different servers.
  for (let i = jobs.length - 1; i > 0; i--) {
    const j = Math.floor(Math.random() * (i + 1))
    ;[jobs[i], jobs[j]] = [jobs[j], jobs[i]]
  }
  const start = Date.now()
  const answers = await pool(jobs, 32, async (job) => {
    const res = await fetch(job.url, { method: "POST", headers: { "content-type": "application/json" }, body: new Uint8Array(job.body) })
    return res.status
  })
  const accepted = Date.now()
  const captured = await allCaptured(cluster, ordersOf(plans), 240_000, "the burst payments")
  const settled = Date.now()
  return {
    held: held ? heldCallbacks.length : 0,
    answers,
    captured: !!captured,
    measurement: {
      method:
        `${plans.length} paid callbacks held at the proxy, then each POSTed ${BURST_COPIES}× (copies on different servers), ` +
        "32 requests in flight from one client; ingestion = all HTTP answers received; settled = every payment captured (polled every 500 ms)",
      callbacks: jobs.length,
      unique_payments: plans.length,
      ingestion_seconds: (accepted - start) / 1000,
      ingestion_callbacks_per_second: Math.round((jobs.length / ((accepted - start) / 1000)) * 10) / 10,
      settled_seconds: (settled - start) / 1000,
      callbacks_per_second_exactly_once: Math.round((jobs.length / ((settled - start) / 1000)) * 10) / 10,
      payments_captured_per_second: Math.round((plans.length / ((settled - start) / 1000)) * 10) / 10,
      settled_by_callback: await viaCallbackCount(cluster, cridsOf(plans)),
    },
  }
}
