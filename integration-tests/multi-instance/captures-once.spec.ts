/**
 * Captures once: M-Pesa callbacks reach both servers through the proxy, are
 * replayed many times to both servers at once, and arrive in a burst of
 * duplicates; then, over every payment of the run (also those paid around
 * the worker kill, behind the orphaned lock and while the cart completed),
 * each paid order has one payment captured exactly once, the M-Pesa ledger
 * agrees, the money audit holds and every accepted callback was handled.
 */
import { burstTraffic, latencyTraffic } from "./callback-traffic"
import { describeMulti, multi, PHASE_TIMEOUT_MS, say, sizes, waitFor } from "./context"
import { auditAgrees, auditNets, clusterMoneyAudit } from "../helpers/money-audit"
import { cridsOf, ofKind, ordersOf, PAID_KINDS, payments, placeCheckouts } from "./scenario"
import { call, pool } from "./shop"

const REPLAYED_PAYMENTS = 30
const REPLAY_COPIES_PER_SERVER = 5

describeMulti("payments are captured once", () => {
  it(`all ${sizes.latency} latency payments captured (callback → captured measured)`, async () => {
    const run = multi()
    const plans = ofKind(await placeCheckouts(), "latency")
    const { captured, measurement } = await latencyTraffic(run.cluster, plans)
    run.measurements.callback_to_captured_ms = measurement
    say(`callback → captured (payment.captured_at): ${JSON.stringify(measurement.db)} ms`)
    say(`callback → seen captured by a 100 ms poll:   ${JSON.stringify(measurement.observed_by_polling_db_every_100ms)} ms`)
    expect(plans).toHaveLength(sizes.latency)
    expect(captured).toBe(plans.length)
  }, PHASE_TIMEOUT_MS)

  it(`replayed callbacks (${REPLAYED_PAYMENTS} payments × ${REPLAY_COPIES_PER_SERVER} × each server, concurrently) are answered 200`, async () => {
    const { cluster } = multi()
    const replayed = ofKind(await placeCheckouts(), "latency").slice(0, REPLAYED_PAYMENTS)
    const jobs = replayed.flatMap((p) => {
      const body = cluster.simulator.listCallbacks({ kind: "stk", checkoutRequestId: p.crid })[0]?.body
      return cluster.servers.flatMap((base) =>
        Array.from({ length: REPLAY_COPIES_PER_SERVER }, () => ({ url: `${base}/hooks/daraja/stk/${cluster.callbackSecret}`, body }))
      )
    })
    const answers = await pool(jobs, 32, async (job) => {
      const res = await fetch(job.url, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(job.body) })
      return res.status
    })
    expect(jobs.length).toBe(replayed.length * REPLAY_COPIES_PER_SERVER * cluster.servers.length)
    expect([...new Set(answers)]).toEqual([200])
  }, PHASE_TIMEOUT_MS)

  it(`${sizes.burst} burst callbacks held back, then each sent 3× across the servers: all answered 200 and captured`, async () => {
    const run = multi()
    const plans = ofKind(await placeCheckouts(), "burst")
    const burst = await burstTraffic(run.cluster, plans)
    run.measurements.callback_burst = burst.measurement
    say(`burst: ${JSON.stringify(burst.measurement)}`)
    expect(burst.held).toBe(sizes.burst)
    expect([...new Set(burst.answers)]).toEqual([200])
    expect(burst.captured).toBe(true)
  }, PHASE_TIMEOUT_MS)

  it("every paid M-Pesa order has one payment captured exactly once for its amount", async () => {
    const { cluster } = multi()
    const paid = ordersOf(ofKind(await placeCheckouts(), ...PAID_KINDS))
    const rows = await payments(cluster, paid)
    const bad = paid
      .map((o) => rows.filter((r) => r.order_id === o))
      .filter((ps) => ps.length !== 1 || ps[0].captures !== 1 || !ps[0].captured_at || ps[0].captured_amount !== ps[0].amount || ps[0].provider_id !== "pp_mpesa_mpesa")
    expect(paid.length).toBeGreaterThan(0)
    expect(bad).toEqual([])
  }, PHASE_TIMEOUT_MS)

  it("no payment in the database has two captures", async () => {
    const doubles = await multi().cluster.sql(`SELECT payment_id, count(*)::int AS n FROM capture WHERE deleted_at IS NULL GROUP BY payment_id HAVING count(*) > 1`)
    expect(doubles).toEqual([])
  }, PHASE_TIMEOUT_MS)

  it("no system-provider or unpaid M-Pesa order was captured", async () => {
    const unpaid = ordersOf(ofKind(await placeCheckouts(), "system", "unanswered", "cancelled"))
    expect((await payments(multi().cluster, unpaid)).filter((r) => r.captures !== 0)).toEqual([])
  }, PHASE_TIMEOUT_MS)

  it("every paid STK request is recorded paid; no receipt recorded twice", async () => {
    const run = multi()
    type StkRow = { checkout_request_id: string; status: string; receipt_number: string | null; captured_at: Date | null }
    const paidCrids = new Set(cridsOf(ofKind(await placeCheckouts(), ...PAID_KINDS)))
    const paidRows = async () =>
      (await run.cluster.sql<StkRow>(`SELECT checkout_request_id, status, receipt_number, captured_at FROM mpesa_stk_request WHERE deleted_at IS NULL`))
        .filter((r) => paidCrids.has(r.checkout_request_id))
    // A settle cut off by the SIGKILL after Medusa's capture but before the
    // ledger noted it is finished by the retried job once the dead run's
    // CheckoutRequestID lock expires (TTL 120 s): wait for that, generously.
    const started = Date.now()
    const rows =
      (await waitFor("the M-Pesa ledger to note every capture", async () => {
        const r = await paidRows()
        return r.every((x) => x.status === "paid" && x.captured_at) ? r : undefined
      }, 240_000, 2000)) ?? (await paidRows())
    run.measurements.ledger_caught_up_seconds = (Date.now() - started) / 1000
    // STK Query (reconciliation) does not return the receipt; a callback handled
    // after such a settlement is a duplicate and its receipt is not stored.
    run.measurements.paid_without_receipt = rows.filter((s) => !s.receipt_number).length
    const receipts = rows.map((s) => s.receipt_number).filter(Boolean)
    expect(rows).toHaveLength(paidCrids.size)
    expect(rows.filter((s) => s.status !== "paid" || !s.captured_at)).toEqual([])
    expect(new Set(receipts).size).toBe(receipts.length)
  }, PHASE_TIMEOUT_MS)

  it("the money audit holds for every order (Safaricom's ledger = Medusa's captured minus refunded = Soko's ledger)", async () => {
    const { cluster } = multi()
    const orderIds = ordersOf(await placeCheckouts())
    const audits = await pool(orderIds, 4, async (id) => ({ id, audit: await clusterMoneyAudit(cluster.sql, cluster.simulator, id) }))
    const disagreeing = audits.map((a) => (a instanceof Error ? a.message : auditAgrees(a.audit) ? undefined : `${a.id}: ${JSON.stringify(auditNets(a.audit))}`))
    expect(disagreeing.filter(Boolean)).toEqual([])
  }, PHASE_TIMEOUT_MS)

  it("every callback a server accepted was handled by a worker (none left 'received')", async () => {
    const run = multi()
    // A job the killed worker held is retried once BullMQ sees it stalled, ~30 s after its lock lapses.
    const unhandled = () =>
      run.cluster.sql<{ checkout_request_id: string }>(
        `SELECT checkout_request_id FROM mpesa_callback_log WHERE kind = 'stk' AND outcome = 'received' AND deleted_at IS NULL`
      )
    await waitFor("every accepted callback to be handled", async () => ((await unhandled()).length === 0 ? true : undefined), 120_000, 2000)
    const outcomes = await run.cluster.sql<{ outcome: string; n: number }>(`SELECT outcome, count(*)::int AS n FROM mpesa_callback_log WHERE kind = 'stk' GROUP BY outcome ORDER BY outcome`)
    run.measurements.callback_log_outcomes = Object.fromEntries(outcomes.map((r) => [r.outcome, r.n]))
    say(`callback log outcomes: ${outcomes.map((r) => `${r.outcome}=${r.n}`).join(", ")}`)
    const plans = await placeCheckouts()
    expect((await unhandled()).map((r) => `${r.checkout_request_id} (${plans.find((p) => p.crid === r.checkout_request_id)?.kind})`)).toEqual([])
  }, PHASE_TIMEOUT_MS)

  it("the admin API shows every paid M-Pesa order captured and the system-provider orders authorized", async () => {
    const { cluster, shop } = multi()
    const plans = await placeCheckouts()
    const expected = [
      ...ordersOf(ofKind(plans, ...PAID_KINDS)).map((id) => [id, "captured"]),
      ...ordersOf(ofKind(plans, "system")).map((id) => [id, "authorized"]),
    ]
    const seen = await pool(expected, 8, async ([id], i) => {
      const { order } = await call(cluster.servers[i % cluster.servers.length], "GET", `/admin/orders/${id}?fields=id,payment_status`, undefined, shop.admin)
      return [id, order.payment_status]
    })
    expect(seen).toEqual(expected)
  }, PHASE_TIMEOUT_MS)
})
