/**
 * What the refund specs (./refund-race.spec.ts, ./refund-worker-kill.spec.ts)
 * share: orders of their own paid from the phone, refund requests, and the
 * reads that tell whether each refund went to Daraja and was recorded once.
 * Each spec ends with the money audit for its orders, read with SQL from the
 * cluster's database (helpers/money-audit.ts, the same arithmetic as the HTTP tests).
 */
import { auditAgrees, auditNets, clusterMoneyAudit, type MoneyAudit } from "../helpers/money-audit"
import type { Cluster } from "./cluster"
import type { HeldCallback } from "./cluster-types"
import { multi, waitFor } from "./context"
import { call, checkout, HttpError, pool } from "./shop"

export type PaidOrder = { orderId: string; checkoutRequestId: string; amountKes: number; receipt: string }
export type RefundRow = { id: string; order_id: string; method: string; status: string; amount_kes: number; refund_recorded_at: Date | null }

/** Its own phone range, apart from ./scenario.ts's 07110…: 0712000000 + index. */
const msisdn = (index: number) => `2547${String(12_000_000 + index).padStart(8, "0")}`

export const refundsOf = (cluster: Cluster, orderIds: string[]) =>
  cluster.sql<RefundRow>(
    `SELECT id, order_id, method, status, amount_kes, refund_recorded_at FROM mpesa_reversal WHERE order_id = ANY($1) AND deleted_at IS NULL`,
    [orderIds]
  )

/** Medusa refund rows per order (M-Pesa payments only): count and sum. */
export const medusaRefunds = (cluster: Cluster, orderIds: string[]) =>
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
export const moneyOutRequests = (cluster: Cluster) =>
  cluster.simulator.listRequests({ endpoint: "reversal" }).length + cluster.simulator.listRequests({ endpoint: "b2c" }).length

/** Guest checkouts paid from the phone (STK callback → captured, receipt in the ledger). */
export async function paidOrders(firstIndex: number, count: number): Promise<PaidOrder[]> {
  const { cluster, shop } = multi()
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
  const rows = await waitFor(
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
export async function requestRefund(base: string, orderId: string, body: Record<string, unknown>): Promise<number> {
  try {
    await call(base, "POST", `/admin/orders/${orderId}/mpesa/refund`, body, multi().shop.admin)
    return 202
  } catch (error) {
    if (error instanceof HttpError) {
      return error.status
    }
    throw error
  }
}

/** Posts callbacks the proxy held to the servers in turn, 8 at a time. */
export const postHeld = (cluster: Cluster, held: HeldCallback[]) =>
  pool(held, 8, (h, i) =>
    fetch(`${cluster.servers[i % cluster.servers.length]}${h.path}`, { method: "POST", headers: { "content-type": "application/json" }, body: new Uint8Array(h.body) })
  )

/** Stops holding Daraja's callbacks at the proxy and delivers the held ones. */
export async function deliverHeld(cluster: Cluster): Promise<void> {
  cluster.proxy.hold(false)
  await postHeld(cluster, cluster.proxy.takeHeld())
}

/** Waits until every refund of the orders is settled at Safaricom and (unless failed) recorded in Medusa. */
export const allRecorded = (orderIds: string[], timeoutMs: number, label: string) =>
  waitFor(
    label,
    async () => {
      const rows = await refundsOf(multi().cluster, orderIds)
      const done = rows.every((r) => r.status === "failed" || ((r.status === "reversed" || r.status === "paid_out") && r.refund_recorded_at))
      return done && new Set(rows.map((r) => r.order_id)).size === orderIds.length ? rows : undefined
    },
    timeoutMs,
    500
  )

/** The money audit for each order, polled until it agrees (bounded); returns the orders where it does not. */
export async function auditOrders(orders: PaidOrder[]): Promise<{ bad: string[]; audits: Map<string, MoneyAudit> }> {
  const audits = new Map<string, MoneyAudit>()
  const { cluster } = multi()
  await waitFor(
    "the money audit to agree for every refunded order",
    async () => {
      for (const o of orders) {
        audits.set(o.orderId, await clusterMoneyAudit(cluster.sql, cluster.simulator, o.orderId))
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
