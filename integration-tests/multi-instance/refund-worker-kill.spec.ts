/**
 * Refunds around a worker kill (issue 15): refunds whose Daraja results
 * arrive while the worker is SIGKILLed between "refund sent" (Daraja
 * accepted, money out) and "refund recorded" (the Medusa refund): after the
 * restart, and reconciliation where needed, each is recorded exactly once.
 */
import { auditNets } from "../helpers/money-audit"
import { describeMulti, multi, PHASE_TIMEOUT_MS, say, sizes, waitFor } from "./context"
import { allRecorded, auditOrders, medusaRefunds, paidOrders, postHeld, refundsOf, requestRefund, type PaidOrder } from "./refunds"
import { pool } from "./shop"

const describeKill = sizes.refundKill ? describeMulti : (name: string, fn: () => void) => describe.skip(`${name} (skipped: SOKO_MULTI_REFUND_KILL=0)`, fn)
const count = sizes.refundKill
/** Phone indexes apart from the run's checkouts and the refund race. */
const FIRST_INDEX = 2000

describeKill("refunds recorded around a worker kill", () => {
  let orders: PaidOrder[]

  it(`${count} refunds sent on both servers (Daraja reversed them) with none recorded yet; then, with the worker killed mid-way and restarted, all are reversed and recorded`, async () => {
    const { cluster } = multi()
    const sim = cluster.simulator
    orders = await paidOrders(FIRST_INDEX, count)
    const orderIds = orders.map((o) => o.orderId)
    // Hold Safaricom's answers at the proxy: every refund is sent (Daraja accepted, money out) and none is recorded.
    const resultsBefore = sim.listCallbacks({ kind: "reversal" }).filter((c) => c.status === "delivered").length
    cluster.proxy.hold(true)
    const answers = await pool(orders, count, (o, i) => requestRefund(cluster.servers[i % cluster.servers.length], o.orderId, {}))
    const sent = await waitFor(
      "every reversal's result to be held",
      async () => (sim.listLedger().reversals.filter((r) => orders.some((o) => o.receipt === r.originalReceipt)).length === count ? true : undefined),
      60_000,
      100
    )
    const held = await waitFor(
      "the reversal results at the proxy",
      async () => (sim.listCallbacks({ kind: "reversal" }).filter((c) => c.status === "delivered").length - resultsBefore >= count ? true : undefined),
      60_000,
      100
    )
    cluster.proxy.hold(false)
    const results = cluster.proxy.takeHeld()
    expect(answers).toEqual(orders.map(() => 202))
    expect({ sent, held }).toEqual({ sent: true, held: true })
    expect((await refundsOf(cluster, orderIds)).filter((r) => r.refund_recorded_at)).toEqual([])

    // Deliver the results, and kill the worker as soon as the first refund is recorded: the rest are mid-way.
    const started = Date.now()
    await postHeld(cluster, results)
    await waitFor("the first refund to be recorded", async () => ((await refundsOf(cluster, orderIds)).some((r) => r.refund_recorded_at) ? true : undefined), 120_000, 25)
    await cluster.killWorker()
    const killedAt = Date.now()
    const atKill = await refundsOf(cluster, orderIds)
    const recordedAtKill = atKill.filter((r) => r.refund_recorded_at).length
    say(`worker SIGKILLed with ${recordedAtKill} of ${count} refunds recorded (states: ${atKill.map((r) => r.status).join(",")})`)
    const restartStarted = Date.now()
    await cluster.startWorker()
    const restartSeconds = (Date.now() - restartStarted) / 1000
    let viaReconciliation = 0
    let rows = await allRecorded(orderIds, 150_000, "the refunds cut off by the kill to be recorded after the restart")
    if (!rows) {
      // What the restarted worker's queues did not finish waits for reconciliation (MPESA_RECONCILE_AFTER_SECONDS=600
      // here): age the still-open refunds past that window, as the timer spec ages orders, and let the job run.
      const open = await cluster.sql<{ id: string }>(
        `UPDATE mpesa_reversal SET updated_at = now() - interval '11 minutes'
          WHERE order_id = ANY($1) AND (refund_recorded_at IS NULL AND status <> 'failed') RETURNING id`,
        [orderIds]
      )
      viaReconciliation = open.length
      say(`${open.length} refunds still open ${((Date.now() - killedAt) / 1000).toFixed(0)} s after the kill; aged for the reconciliation job`)
      rows = await allRecorded(orderIds, 240_000, "reconciliation to record the remaining refunds")
    }
    multi().measurements.refund_worker_kill = {
      refunds: count,
      recorded_at_kill: recordedAtKill,
      states_at_kill: atKill.map((r) => r.status),
      worker_restart_seconds: restartSeconds,
      recorded_via_aged_reconciliation: viaReconciliation,
      all_recorded_seconds_after_kill: (Date.now() - killedAt) / 1000,
      results_delivered_to_kill_seconds: (killedAt - started) / 1000,
    }
    say(`refund worker kill: ${JSON.stringify(multi().measurements.refund_worker_kill)}`)
    const refunds = rows ?? (await refundsOf(cluster, orderIds))
    expect(rows).toBeDefined()
    expect(refunds.map((r) => `${r.status}${r.refund_recorded_at ? "+recorded" : ""}`)).toEqual(orders.map(() => "reversed+recorded"))
  }, PHASE_TIMEOUT_MS)

  it("each is recorded in Medusa exactly once, for the amount paid", async () => {
    const medusa = await medusaRefunds(multi().cluster, orders.map((o) => o.orderId))
    const got = orders.map((o) => medusa.find((x) => x.order_id === o.orderId)).map((m) => `${m?.n}×${Number(m?.total)}`)
    expect(got).toEqual(orders.map((o) => `1×${o.amountKes}`))
  }, PHASE_TIMEOUT_MS)

  it("Safaricom reversed each payment once", () => {
    const reversals = multi().cluster.simulator.listLedger().reversals.filter((r) => orders.some((o) => o.receipt === r.originalReceipt))
    expect(reversals).toHaveLength(count)
  })

  it(`the money audit holds for the ${count} orders refunded around the kill (all back at zero)`, async () => {
    const { bad, audits } = await auditOrders(orders)
    expect(bad).toEqual([])
    expect(orders.map((o) => auditNets(audits.get(o.orderId)!).safaricom)).toEqual(orders.map(() => 0))
  }, PHASE_TIMEOUT_MS)
})
