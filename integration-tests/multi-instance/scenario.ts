/**
 * The run's checkouts and what the specs read about them. All checkouts are
 * placed at once, kinds interleaved so both payment providers are in flight
 * together through both servers (./orders-once.spec.ts); the later specs
 * pay, cancel, replay and count them by kind.
 */
import type { Cluster } from "./cluster"
import { multi, say, sizes, waitFor, type Plan, type PlanKind } from "./context"
import { checkout, pool } from "./shop"

/** 2547110xxxxx: this run's own phone range (the refund specs use 07120…). */
export const msisdn = (n: number) => `2547${String(11_000_000 + n).padStart(8, "0")}`
const localPhone = (n: number) => `0${msisdn(n).slice(3)}`

/** Places the run's checkouts once; later calls return them. Race carts are left uncompleted. */
export async function placeCheckouts(): Promise<Plan[]> {
  const run = multi()
  if (run.plans) {
    return run.plans
  }
  const { cluster, shop } = run
  const plans: Plan[] = []
  let n = 0
  const add = (kind: PlanKind, count: number) => {
    for (let i = 0; i < count; i++) {
      plans.push({ kind, n: n++ })
    }
  }
  add("system", sizes.system)
  add("latency", sizes.latency)
  add("burst", sizes.burst)
  add("kill", sizes.kill)
  add("orphan", 1)
  add("unanswered", sizes.unanswered)
  add("cancelled", sizes.cancelled)
  add("race", sizes.race)
  plans.sort((a, b) => ((a.n * 7919) % plans.length) - ((b.n * 7919) % plans.length))
  const t0 = Date.now()
  const results = await pool(plans, sizes.concurrency, (plan) =>
    checkout(shop, {
      index: plan.n,
      provider: plan.kind === "system" ? "system" : "mpesa",
      phone: plan.kind === "system" ? undefined : localPhone(plan.n),
      skipComplete: plan.kind === "race",
    })
  )
  const seconds = (Date.now() - t0) / 1000
  const crids = new Map(cluster.simulator.listTransactions().map((t) => [t.phoneNumber, t.checkoutRequestId]))
  results.forEach((r, i) => {
    const plan = plans[i]
    if (r instanceof Error) {
      plan.error = r.message
      return
    }
    plan.cartId = r.cartId
    plan.orderId = r.orderId
    plan.crid = plan.kind === "system" ? undefined : crids.get(msisdn(plan.n))
  })
  run.measurements.checkouts = {
    count: plans.length,
    concurrency: sizes.concurrency,
    seconds: Math.round(seconds * 10) / 10,
    per_second: Math.round((plans.length / seconds) * 100) / 100,
  }
  say(`${plans.length} checkouts (${plans.length - sizes.race} completed, ${sizes.race} left for the race) in ${seconds.toFixed(1)} s at ${sizes.concurrency} in flight, calls alternating between ${cluster.servers.join(" and ")}`)
  run.plans = plans
  return plans
}

/** The placed checkouts of these kinds (those whose calls succeeded). */
export const ofKind = (plans: Plan[], ...kinds: PlanKind[]) => plans.filter((p) => kinds.includes(p.kind) && p.cartId)
export const ordersOf = (plans: Plan[]) => plans.map((p) => p.orderId).filter((id): id is string => !!id)
export const cridsOf = (plans: Plan[]) => plans.map((p) => p.crid).filter((id): id is string => !!id)
/** Kinds whose shopper approves the prompt at some point of the run. */
export const PAID_KINDS: PlanKind[] = ["latency", "race", "burst", "kill", "orphan"]

export type PaymentRow = { order_id: string; payment_id: string; amount: string; captured_at: Date | null; provider_id: string; captures: number; captured_amount: string | null }

export async function payments(cluster: Cluster, orderIds: string[]): Promise<PaymentRow[]> {
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
export async function capturedAt(cluster: Cluster, orderIds: string[]): Promise<Map<string, Date>> {
  const rows = await payments(cluster, orderIds)
  return new Map(rows.filter((r) => r.captured_at).map((r) => [r.order_id, new Date(r.captured_at as Date)]))
}

export const allCaptured = (cluster: Cluster, orderIds: string[], timeoutMs: number, label: string) =>
  waitFor(label, async () => ((await capturedAt(cluster, orderIds)).size === orderIds.length ? true : undefined), timeoutMs, 500)

/** STK requests settled from a callback (they carry its receipt; STK Query gives none). */
export async function viaCallbackCount(cluster: Cluster, checkoutRequestIds: string[]): Promise<number> {
  const rows = await cluster.sql<{ n: number }>(
    `SELECT count(*)::int AS n FROM mpesa_stk_request WHERE checkout_request_id = ANY($1) AND receipt_number IS NOT NULL`,
    [checkoutRequestIds]
  )
  return rows[0].n
}
