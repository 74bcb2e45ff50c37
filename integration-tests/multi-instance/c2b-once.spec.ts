/**
 * Paybill payments across the cluster (issue 16): orders awaiting M-Pesa
 * whose prompts nobody answered are paid by paybill on the simulator's phone,
 * with the account and amount the storefront's "Pay another way" shows. The
 * confirmations reach both servers through the proxy; each payment is
 * confirmed with Transaction Status, matched and captured once, and copies of
 * every confirmation posted to both servers at once change nothing.
 * Measures confirmation → captured (p50/p95; 100 payments in the full run).
 */
import { C2B_SHORTCODE, describeMulti, multi, PHASE_TIMEOUT_MS, say, sizes, stats, waitFor } from "./context"
import { msisdn, payments } from "./scenario"
import { call, checkout, pool } from "./shop"

// SOKO_MULTI_C2B_PAYMENTS=0 leaves the paybill run out (a quicker local run of the other properties); CI runs it.
const describeC2b = sizes.c2b ? describeMulti : (name: string, fn: () => void) => describe.skip(`${name} (skipped: SOKO_MULTI_C2B_PAYMENTS=0)`, fn)
/** Phone indexes apart from the run's checkouts and the refund specs. */
const FIRST_INDEX = 3000
const COPIES_PER_SERVER = 3
/** Paybill payments made but not yet captured, at most (as LATENCY_IN_FLIGHT for STK callbacks). */
const PAY_IN_FLIGHT = 2

type Awaiting = { orderId: string; cartId: string; account: string; amountKes: number; transId?: string }
type C2bRow = { trans_id: string; order_id: string | null; state: string; captured_at: Date | null; amount_kes: number }

const c2bRows = (transIds: string[]) =>
  multi().cluster.sql<C2bRow>(`SELECT trans_id, order_id, state, captured_at, amount_kes FROM mpesa_c2b_payment WHERE trans_id = ANY($1)`, [transIds])

describeC2b("paybill payments are matched and captured once across servers", () => {
  let orders: Awaiting[]

  it(`${sizes.c2b} orders paid by paybill are captured (confirmation → captured measured)`, async () => {
    const { cluster, shop } = multi()
    const sim = cluster.simulator
    // The start-up job registers the URLs on one instance within its first minute.
    const registered = await waitFor("the C2B URLs to be registered", async () => (sim.listC2bRegistrations().length ? true : undefined), 120_000)
    expect(registered).toBe(true)

    const placed = await pool(
      Array.from({ length: sizes.c2b }, (_, i) => FIRST_INDEX + i),
      4,
      (index) => checkout(shop, { index, provider: "mpesa", phone: `0${msisdn(index).slice(3)}` })
    )
    const failures = placed.filter((p): p is Error => p instanceof Error)
    expect(failures.map((e) => e.message)).toEqual([])
    // What the shopper's "Pay another way" shows (any server): the account to type and the amount.
    orders = await Promise.all(
      placed.map(async (p, i) => {
        const { cartId, orderId } = p as { cartId: string; orderId: string }
        const view = await call(shop.servers[i % shop.servers.length], "GET", `/store/mpesa/c2b?cart_id=${cartId}`, undefined, shop.store)
        expect(view).toMatchObject({ available: true, type: "paybill", number: C2B_SHORTCODE, status: "awaiting" })
        return { orderId, cartId, account: view.account as string, amountKes: view.amount_kes as number }
      })
    )

    // Paced as the STK latency is (callback-traffic.ts): a payment is made whenever fewer than
    // PAY_IN_FLIGHT earlier ones are still uncaptured, so the figure is latency, not a queue's length.
    const started = Date.now()
    for (const order of orders) {
      const open = orders.filter((o) => o.transId).map((o) => o.transId!)
      await waitFor(
        "room for the next paybill payment",
        async () => (open.length - (await c2bRows(open)).filter((r) => r.captured_at).length < PAY_IN_FLIGHT ? true : undefined),
        120_000,
        50
      )
      const paid = await sim.payC2b({ channel: "paybill", businessNumber: C2B_SHORTCODE, accountNumber: order.account, amount: order.amountKes })
      expect(paid.status).toBe("completed")
      order.transId = paid.transId
    }
    const transIds = orders.map((o) => o.transId!)
    const rows = await waitFor(
      "the paybill payments to be captured",
      async () => {
        const r = await c2bRows(transIds)
        return r.length === transIds.length && r.every((row) => row.captured_at) ? r : undefined
      },
      240_000
    )
    expect(rows?.map((r) => r.state)).toEqual(orders.map(() => "captured"))

    const latency: number[] = []
    for (const row of rows ?? []) {
      const sent = sim.listCallbacks({ kind: "c2b-confirmation", transId: row.trans_id }).find((c) => c.copy === 1)?.attempts[0]?.at
      if (sent !== undefined && row.captured_at) {
        latency.push(new Date(row.captured_at).getTime() - sent)
      }
    }
    const measurement = { payments: orders.length, in_flight: PAY_IN_FLIGHT, seconds: (Date.now() - started) / 1000, db: stats(latency) }
    multi().measurements.c2b_confirmation_to_captured_ms = measurement
    say(`C2B confirmation → captured (mpesa_c2b_payment.captured_at): ${JSON.stringify(measurement)}`)
    expect(latency).toHaveLength(orders.length)
  }, PHASE_TIMEOUT_MS)

  it(`copies of every confirmation, ${COPIES_PER_SERVER} to each server at once, are answered and change nothing`, async () => {
    const { cluster } = multi()
    const jobs = orders.flatMap((o) => {
      const [sent] = cluster.simulator.listCallbacks({ kind: "c2b-confirmation", transId: o.transId })
      const path = new URL(sent.url).pathname
      const body = sent.body
      return cluster.servers.flatMap((base) => Array.from({ length: COPIES_PER_SERVER }, () => ({ url: `${base}${path}`, body })))
    })
    const answers = await pool(jobs, 32, async (job) => {
      const res = await fetch(job.url, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(job.body) })
      return res.status
    })
    expect([...new Set(answers)]).toEqual([200])
    // The hook records a copy (or finds its TransID) before it answers 200: nothing is left running to wait for.
    const rows = await c2bRows(orders.map((o) => o.transId!))
    expect(rows).toHaveLength(orders.length)
    expect(rows.filter((r) => r.state !== "captured")).toEqual([])
  }, PHASE_TIMEOUT_MS)

  it("each order paid by paybill has one payment captured once, for its amount", async () => {
    const rows = await payments(multi().cluster, orders.map((o) => o.orderId))
    const bad = orders.filter((o) => {
      const ps = rows.filter((r) => r.order_id === o.orderId)
      return ps.length !== 1 || ps[0].captures !== 1 || Number(ps[0].captured_amount) !== Number(ps[0].amount)
    })
    expect(bad).toEqual([])
    const doubles = await multi().cluster.sql(`SELECT payment_id, count(*)::int AS n FROM capture WHERE deleted_at IS NULL GROUP BY payment_id HAVING count(*) > 1`)
    expect(doubles).toEqual([])
  }, PHASE_TIMEOUT_MS)
})
