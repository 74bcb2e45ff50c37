/**
 * The multi-instance refund phases (issue 15), run by ./run.ts after its
 * exactly-once checks, on orders of their own:
 *
 * - race: one order's refund requested on server A and server B at the same
 *   moment (full vs full, and full reversal vs partial B2C payout): exactly
 *   one goes to Daraja, the other is refused with a 4xx;
 * - worker kill: refunds whose Daraja results arrive while the worker is
 *   SIGKILLed between "refund sent" (Daraja accepted, money out) and
 *   "refund recorded" (the Medusa refund): after the restart, and
 *   reconciliation where needed, each is recorded exactly once.
 *
 * Each ends with the money audit for every order, read with SQL from the
 * cluster's database (helpers/money-audit.ts, the same arithmetic as the HTTP tests).
 */
import { auditAgrees, auditNets, clusterMoneyAudit, type MoneyAudit } from "../helpers/money-audit"
import type { Cluster } from "./cluster"
import { call, checkout, HttpError, pool, type Shop } from "./shop"

export type PhaseTools = {
  cluster: Cluster
  shop: Shop
  check: (name: string, ok: boolean, detail?: string) => void
  waitFor: <T>(label: string, fn: () => Promise<T | undefined>, timeoutMs: number, everyMs?: number) => Promise<T | undefined>
  say: (message: string) => void
  measurements: Record<string, unknown>
}

type PaidOrder = { orderId: string; checkoutRequestId: string; amountKes: number; receipt: string }
type RefundRow = { id: string; order_id: string; method: string; status: string; amount_kes: number; refund_recorded_at: Date | null }

/** Its own phone range, apart from run.ts's 07110…: 0712000000 + index. */
const msisdn = (index: number) => `2547${String(12_000_000 + index).padStart(8, "0")}`

const refundsOf = (cluster: Cluster, orderIds: string[]) =>
  cluster.sql<RefundRow>(
    `SELECT id, order_id, method, status, amount_kes, refund_recorded_at FROM mpesa_reversal WHERE order_id = ANY($1) AND deleted_at IS NULL`,
    [orderIds]
  )

/** Medusa refund rows per order (M-Pesa payments only): count and sum. */
const medusaRefunds = (cluster: Cluster, orderIds: string[]) =>
  cluster.sql<{ order_id: string; n: number; total: string | null }>(
    `SELECT opc.order_id, count(r.id)::int AS n, sum(r.amount)::text AS total
       FROM order_payment_collection opc
       JOIN payment p ON p.payment_collection_id = opc.payment_collection_id AND p.deleted_at IS NULL AND p.provider_id LIKE 'pp_mpesa%'
       LEFT JOIN refund r ON r.payment_id = p.id AND r.deleted_at IS NULL
      WHERE opc.order_id = ANY($1) AND opc.deleted_at IS NULL
      GROUP BY opc.order_id`,
    [orderIds]
  )

/** Daraja money-out requests (Reversal and B2C) the simulator received so far. */
const moneyOutRequests = (cluster: Cluster) =>
  cluster.simulator.listRequests({ endpoint: "reversal" }).length + cluster.simulator.listRequests({ endpoint: "b2c" }).length

/** Guest checkouts paid from the phone (STK callback → captured, receipt in the ledger). */
async function paidOrders(t: PhaseTools, firstIndex: number, count: number): Promise<PaidOrder[]> {
  const { cluster, shop } = t
  const sim = cluster.simulator
  const placed = await pool(
    Array.from({ length: count }, (_, i) => firstIndex + i),
    4,
    (index) => checkout(shop, { index, provider: "mpesa", phone: `0${msisdn(index).slice(3)}` })
  )
  const failures = placed.filter((p): p is Error => p instanceof Error)
  if (failures.length) {
    throw new Error(`refund-phase checkouts failed: ${failures.map((e) => e.message).join(" | ")}`)
  }
  const orders = placed.map((p, i) => {
    const tx = sim.listTransactions().find((x) => x.phoneNumber === msisdn(firstIndex + i))!
    sim.approve(tx.checkoutRequestId)
    return { orderId: (p as { orderId: string }).orderId, checkoutRequestId: tx.checkoutRequestId }
  })
  const rows = await t.waitFor(
    "the refund phase's payments to be captured with their receipts",
    async () => {
      const r = await cluster.sql<{ checkout_request_id: string; amount_kes: number; receipt_number: string }>(
        `SELECT checkout_request_id, amount_kes, receipt_number FROM mpesa_stk_request
          WHERE checkout_request_id = ANY($1) AND status = 'paid' AND receipt_number IS NOT NULL AND captured_at IS NOT NULL`,
        [orders.map((o) => o.checkoutRequestId)]
      )
      return r.length === orders.length ? r : undefined
    },
    180_000
  )
  if (!rows) {
    throw new Error("the refund phase's payments were not captured")
  }
  return orders.map((o) => {
    const row = rows.find((r) => r.checkout_request_id === o.checkoutRequestId)!
    return { ...o, amountKes: Number(row.amount_kes), receipt: row.receipt_number }
  })
}

/** Status of an admin refund request: 202, or the 4xx/5xx it was refused with. */
async function requestRefund(t: PhaseTools, base: string, orderId: string, body: Record<string, unknown>): Promise<number> {
  try {
    await call(base, "POST", `/admin/orders/${orderId}/mpesa/refund`, body, t.shop.admin)
    return 202
  } catch (error) {
    if (error instanceof HttpError) {
      return error.status
    }
    throw error
  }
}

/** Waits until every refund of the orders is settled at Safaricom and (unless failed) recorded in Medusa. */
const allRecorded = (t: PhaseTools, orderIds: string[], timeoutMs: number, label: string) =>
  t.waitFor(
    label,
    async () => {
      const rows = await refundsOf(t.cluster, orderIds)
      const done = rows.every((r) => r.status === "failed" || ((r.status === "reversed" || r.status === "paid_out") && r.refund_recorded_at))
      return done && new Set(rows.map((r) => r.order_id)).size === orderIds.length ? rows : undefined
    },
    timeoutMs,
    500
  )

/** The money audit for each order, polled until it agrees (bounded); returns the orders where it does not. */
async function auditOrders(t: PhaseTools, orders: PaidOrder[]): Promise<{ bad: string[]; audits: Map<string, MoneyAudit> }> {
  const audits = new Map<string, MoneyAudit>()
  await t.waitFor(
    "the money audit to agree for every refunded order",
    async () => {
      for (const o of orders) {
        audits.set(o.orderId, await clusterMoneyAudit(t.cluster.sql, t.cluster.simulator, o.orderId))
      }
      return [...audits.values()].every(auditAgrees) ? true : undefined
    },
    30_000,
    1000
  )
  const bad = orders
    .filter((o) => !auditAgrees(audits.get(o.orderId)!))
    .map((o) => `${o.orderId}: ${JSON.stringify(auditNets(audits.get(o.orderId)!))}`)
  return { bad, audits }
}

/** Phase G1: the same order's refund on both servers at once. */
export async function refundRacePhase(t: PhaseTools, firstIndex: number, count: number) {
  const { cluster, check, say } = t
  const [a, b] = cluster.servers
  const orders = await paidOrders(t, firstIndex, count)
  const before = moneyOutRequests(cluster)
  const started = Date.now()
  // Even orders: a full refund on each server. Odd orders: a full reversal on A against a KES 100 B2C payout on B.
  const answers = await Promise.all(
    orders.map((o, i) =>
      Promise.all([requestRefund(t, a, o.orderId, {}), requestRefund(t, b, o.orderId, i % 2 ? { amount_kes: 100 } : {})])
    )
  )
  const requestSeconds = (Date.now() - started) / 1000
  const oneEach = answers.every((pair) => pair.filter((s) => s === 202).length === 1 && pair.some((s) => s >= 400 && s < 500))
  check(
    `${count} orders refunded on both servers at once (${Math.ceil(count / 2)} full vs full, ${Math.floor(count / 2)} full vs partial): one 202 and one 4xx each`,
    oneEach,
    answers.map((pair) => pair.join("/")).join(", ")
  )
  const rows = await allRecorded(t, orders.map((o) => o.orderId), 180_000, "the raced refunds to be recorded")
  const refunds = rows ?? (await refundsOf(cluster, orders.map((o) => o.orderId)))
  const perOrder = orders.map((o) => refunds.filter((r) => r.order_id === o.orderId).length)
  check(
    "exactly one refund per raced order went to Daraja and was recorded",
    !!rows && perOrder.every((n) => n === 1) && moneyOutRequests(cluster) - before === count,
    `refund rows per order ${perOrder.join(",")}; ${moneyOutRequests(cluster) - before} Reversal/B2C requests at Daraja`
  )
  const medusa = await medusaRefunds(cluster, orders.map((o) => o.orderId))
  check(
    "each raced order has exactly one Medusa refund",
    orders.every((o) => medusa.find((m) => m.order_id === o.orderId)?.n === 1),
    medusa.map((m) => `${m.n}×${m.total}`).join(",")
  )
  const { bad } = await auditOrders(t, orders)
  check(`the money audit holds for the ${count} raced orders`, bad.length === 0, bad.slice(0, 3).join(" | "))
  t.measurements.refund_race = {
    orders: count,
    answers: answers.map((pair) => pair.join("/")),
    methods: refunds.map((r) => r.method),
    requests_seconds: requestSeconds,
    recorded_seconds: (Date.now() - started) / 1000,
  }
  say(`refund race: ${JSON.stringify(t.measurements.refund_race)}`)
}

/** Phase G2: the worker SIGKILLed between "refund sent" and "refund recorded". */
export async function refundWorkerKillPhase(t: PhaseTools, firstIndex: number, count: number) {
  const { cluster, check, say } = t
  const sim = cluster.simulator
  const orders = await paidOrders(t, firstIndex, count)
  const orderIds = orders.map((o) => o.orderId)
  // Hold Safaricom's answers at the proxy: every refund is sent (Daraja accepted, money out) and none is recorded.
  const resultsBefore = sim.listCallbacks({ kind: "reversal" }).filter((c) => c.status === "delivered").length
  cluster.proxy.hold(true)
  const answers = await pool(orders, count, (o, i) => requestRefund(t, cluster.servers[i % cluster.servers.length], o.orderId, {}))
  const sent = await t.waitFor(
    "every reversal's result to be held",
    async () => (sim.listLedger().reversals.filter((r) => orders.some((o) => o.receipt === r.originalReceipt)).length === count ? true : undefined),
    60_000,
    100
  )
  const held = await t.waitFor(
    "the reversal results at the proxy",
    async () => (sim.listCallbacks({ kind: "reversal" }).filter((c) => c.status === "delivered").length - resultsBefore >= count ? true : undefined),
    60_000,
    100
  )
  cluster.proxy.hold(false)
  const results = cluster.proxy.takeHeld()
  check(
    `${count} refunds sent on both servers (Daraja reversed them) with none recorded yet`,
    answers.every((s) => s === 202) && !!sent && !!held && (await refundsOf(cluster, orderIds)).every((r) => !r.refund_recorded_at),
    `answers ${answers.join(",")}, ${results.length} results held`
  )
  // Deliver the results, and kill the worker as soon as the first refund is recorded: the rest are mid-way.
  const started = Date.now()
  await pool(results, 8, (h, i) =>
    fetch(`${cluster.servers[i % cluster.servers.length]}${h.path}`, { method: "POST", headers: { "content-type": "application/json" }, body: new Uint8Array(h.body) })
  )
  await t.waitFor(
    "the first refund to be recorded",
    async () => ((await refundsOf(cluster, orderIds)).some((r) => r.refund_recorded_at) ? true : undefined),
    120_000,
    25
  )
  await cluster.killWorker()
  const killedAt = Date.now()
  const atKill = await refundsOf(cluster, orderIds)
  const recordedAtKill = atKill.filter((r) => r.refund_recorded_at).length
  say(`worker SIGKILLed with ${recordedAtKill} of ${count} refunds recorded (states: ${atKill.map((r) => r.status).join(",")})`)
  const restartStarted = Date.now()
  await cluster.startWorker()
  const restartSeconds = (Date.now() - restartStarted) / 1000
  let viaReconciliation = 0
  let rows = await allRecorded(t, orderIds, 150_000, "the refunds cut off by the kill to be recorded after the restart")
  if (!rows) {
    // What the restarted worker's queues did not finish waits for reconciliation (MPESA_RECONCILE_AFTER_SECONDS=600
    // here): age the still-open refunds past that window, as the timer phase ages orders, and let the job run.
    const open = await cluster.sql<{ id: string }>(
      `UPDATE mpesa_reversal SET updated_at = now() - interval '11 minutes'
        WHERE order_id = ANY($1) AND (refund_recorded_at IS NULL AND status <> 'failed') RETURNING id`,
      [orderIds]
    )
    viaReconciliation = open.length
    say(`${open.length} refunds still open ${((Date.now() - killedAt) / 1000).toFixed(0)} s after the kill; aged for the reconciliation job`)
    rows = await allRecorded(t, orderIds, 240_000, "reconciliation to record the remaining refunds")
  }
  const recoveredSeconds = (Date.now() - killedAt) / 1000
  const refunds = rows ?? (await refundsOf(cluster, orderIds))
  check(
    `all ${count} refunds sent around the worker kill are reversed and recorded`,
    !!rows && refunds.length === count && refunds.every((r) => r.status === "reversed" && r.refund_recorded_at),
    refunds.map((r) => `${r.status}${r.refund_recorded_at ? "+recorded" : ""}`).join(",")
  )
  const medusa = await medusaRefunds(cluster, orderIds)
  check(
    "each is recorded in Medusa exactly once, for the amount paid",
    orders.every((o) => {
      const m = medusa.find((x) => x.order_id === o.orderId)
      return m?.n === 1 && Number(m.total) === o.amountKes
    }),
    medusa.map((m) => `${m.n}×${m.total}`).join(",")
  )
  const reversals = sim.listLedger().reversals.filter((r) => orders.some((o) => o.receipt === r.originalReceipt))
  check("Safaricom reversed each payment once", reversals.length === count, `${reversals.length} reversals`)
  const { bad, audits } = await auditOrders(t, orders)
  check(
    `the money audit holds for the ${count} orders refunded around the kill (all back at zero)`,
    bad.length === 0 && orders.every((o) => auditNets(audits.get(o.orderId)!).safaricom === 0),
    bad.slice(0, 3).join(" | ")
  )
  t.measurements.refund_worker_kill = {
    refunds: count,
    recorded_at_kill: recordedAtKill,
    states_at_kill: atKill.map((r) => r.status),
    worker_restart_seconds: restartSeconds,
    recorded_via_aged_reconciliation: viaReconciliation,
    all_recorded_seconds_after_kill: recoveredSeconds,
    results_delivered_to_kill_seconds: (killedAt - started) / 1000,
  }
  say(`refund worker kill: ${JSON.stringify(t.measurements.refund_worker_kill)}`)
}
